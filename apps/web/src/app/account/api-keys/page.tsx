import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentTrader } from "@/auth";
import { ApiKeysScreen } from "@/components/api-keys/api-keys-screen";

export async function generateMetadata() {
  const t = await getTranslations("account.apiKeys");
  return { title: t("metaTitle") };
}

/** The trader's keys for the trading API: create one (with a two-factor code), list, revoke. */
export default async function ApiKeysPage() {
  const trader = await currentTrader();
  if (!trader) redirect(`/login?next=${encodeURIComponent("/account/api-keys")}`);
  const t = await getTranslations("account.apiKeys");
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-8 sm:px-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-[13px] text-ink-muted">{t("intro")}</p>
      </header>
      <ApiKeysScreen />
    </div>
  );
}
