import { getTranslations } from "next-intl/server";
import { AnnouncementList } from "@/components/notifications/announcements";

export async function generateMetadata() {
  const t = await getTranslations("notifications.announcements");
  return { title: t("title") };
}

/** Operations' announcements shown now, in the reader's language: open to everyone. */
export default async function AnnouncementsPage() {
  const t = await getTranslations("notifications.announcements");
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-8 sm:px-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-[13px] text-ink-muted">{t("description")}</p>
      </header>
      <AnnouncementList />
    </div>
  );
}
