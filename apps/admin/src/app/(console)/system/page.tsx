import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { PageBody } from "@/components/page-body";
import { PageHeader } from "@/components/page-header";
import { PageLoading } from "@/components/page-loading";
import { SystemLive } from "@/components/system/system-live";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export async function generateMetadata() {
  const t = await getTranslations("system");
  return { title: t("title") };
}

/** The section's guard first (a refused member gets its 403), then the page as it loads. */
export default async function Route() {
  await requireSection("system", "/system");
  return (
    <Suspense fallback={<PageLoading message="system.loading" />}>
      <SystemPage />
    </Suspense>
  );
}

/** Read once on the server for the first paint; the page then polls on its own. */
async function SystemPage() {
  const api = await adminApi();
  const overview = await loadForPage(() => api.system.overview());
  const t = await getTranslations("system");
  return (
    <PageBody>
      <PageHeader title={t("title")} description={t("description")} />
      <SystemLive initial={overview} />
    </PageBody>
  );
}
