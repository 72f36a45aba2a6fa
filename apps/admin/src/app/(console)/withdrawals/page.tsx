import type { Metadata } from "next";
import { QueuePage } from "@/components/queue-page";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export const metadata: Metadata = { title: "Withdrawals" };

const COLUMNS = [
  { header: "Requested" },
  { header: "Trader" },
  { header: "Asset" },
  { header: "Amount", align: "right" },
  { header: "Destination" },
  { header: "Risk" },
  { header: "Status" },
] as const;

export default async function WithdrawalsPage() {
  await requireSection("withdrawals", "/withdrawals");
  const api = await adminApi();
  const queue = await loadForPage(() => api.withdrawals.queue());
  return (
    <QueuePage
      section="withdrawals"
      columns={COLUMNS}
      rows={queue.rows}
      total={queue.total}
      totalLabel="awaiting approval"
    />
  );
}
