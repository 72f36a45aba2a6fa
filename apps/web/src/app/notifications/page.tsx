import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentTrader } from "@/auth";
import { NotificationsScreen } from "@/components/notifications/notifications-screen";

export async function generateMetadata() {
  const t = await getTranslations("notifications.page");
  return { title: t("title") };
}

/** The trader's notifications (live, through the layout's stream) and their mail choices. */
export default async function NotificationsPage() {
  const trader = await currentTrader();
  if (!trader) redirect(`/login?next=${encodeURIComponent("/notifications")}`);
  const t = await getTranslations("notifications.page");
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-8 sm:px-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-[13px] text-ink-muted">{t("description")}</p>
      </header>
      <NotificationsScreen />
    </div>
  );
}
