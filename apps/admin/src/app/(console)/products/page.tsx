import type { Metadata } from "next";
import { QueuePage } from "@/components/queue-page";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export const metadata: Metadata = { title: "Products" };

const COLUMNS = [
  { header: "Product" },
  { header: "Asset" },
  { header: "Annual rate", align: "right" },
  { header: "Term", align: "right" },
  { header: "Daily quota", align: "right" },
  { header: "Min amount", align: "right" },
  { header: "Status" },
] as const;

export default async function ProductsPage() {
  await requireSection("products", "/products");
  const api = await adminApi();
  const products = await loadForPage(() => api.products.list());
  return (
    <QueuePage
      section="products"
      columns={COLUMNS}
      rows={products.rows}
      total={products.total}
      totalLabel="products"
    />
  );
}
