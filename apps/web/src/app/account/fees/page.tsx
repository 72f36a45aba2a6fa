import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { currentTrader } from "@/auth";
import { FeesOverview } from "@/components/account/fees-overview";
import { traderApi } from "@/server/trader-api";

export async function generateMetadata() {
  const t = await getTranslations("account.fees");
  return { title: t("metaTitle") };
}

/** The trader's fee tier, their rates in each market, their 30-day volume and the next tier. */
export default async function FeesPage() {
  const trader = await currentTrader();
  if (!trader) redirect(`/login?next=${encodeURIComponent("/account/fees")}`);
  const [fees, t, locale] = await Promise.all([
    (await traderApi()).fees.mine(),
    getTranslations("account.fees"),
    getLocale(),
  ]);
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-8 sm:px-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-[13px] text-ink-muted">{t("intro", { days: fees.windowDays })}</p>
      </header>
      <FeesOverview fees={fees} locale={locale} />
    </div>
  );
}
