import type { Metadata } from "next";
import { QueuePage } from "@/components/queue-page";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export const metadata: Metadata = { title: "KYC" };

const COLUMNS = [
  { header: "Submitted" },
  { header: "Trader" },
  { header: "Level requested" },
  { header: "Documents" },
  { header: "Country" },
  { header: "Status" },
] as const;

export default async function KycPage() {
  await requireSection("kyc", "/kyc");
  const api = await adminApi();
  const queue = await loadForPage(() => api.kyc.queue());
  return (
    <QueuePage
      section="kyc"
      columns={COLUMNS}
      rows={queue.rows}
      total={queue.total}
      totalLabel="pending review"
    />
  );
}
