import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AnnouncementForm, AnnouncementList } from "@/components/announcements/announcement-forms";
import { PageBody } from "@/components/page-body";
import { PageHeader } from "@/components/page-header";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("announcements");
  return { title: t("title") };
}

/** Operations' announcements: publish one (in a language or both), see and end the others. */
export default async function AnnouncementsPage() {
  await requireSection("announcements", "/announcements");
  const api = await adminApi();
  const [announcements, t, nav] = await Promise.all([
    loadForPage(() => api.announcements.list()),
    getTranslations("announcements"),
    getTranslations("nav.sections.announcements"),
  ]);
  return (
    <PageBody>
      <PageHeader title={t("title")} description={nav("description")} />
      <section className="flex flex-col gap-4 rounded-lg border border-line bg-surface p-4">
        <header>
          <h2 className="text-sm font-semibold text-ink">{t("form.title")}</h2>
          <p className="text-[13px] text-ink-muted">{t("form.description")}</p>
        </header>
        <AnnouncementForm />
      </section>
      <section className="mt-6 flex flex-col gap-4 rounded-lg border border-line bg-surface p-4">
        <h2 className="text-sm font-semibold text-ink">{t("list.title")}</h2>
        <AnnouncementList announcements={announcements} />
      </section>
    </PageBody>
  );
}
