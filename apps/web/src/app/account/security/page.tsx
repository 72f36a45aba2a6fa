import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentTrader } from "@/auth";
import { LogInsPanel } from "@/components/security/log-ins-panel";
import { PasswordPanel } from "@/components/security/password-panel";
import { SessionsPanel } from "@/components/security/sessions-panel";
import { TwoFactorPanel } from "@/components/security/two-factor-panel";

export async function generateMetadata() {
  const t = await getTranslations("account.security");
  return { title: t("metaTitle") };
}

/**
 * The trader's sign-in security: two-factor and recovery codes, the password, the browsers
 * logged in to the account, and its recent log-ins.
 */
export default async function SecurityPage() {
  const trader = await currentTrader();
  if (!trader) redirect(`/login?next=${encodeURIComponent("/account/security")}`);
  const t = await getTranslations("account.security");
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-8 sm:px-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-[13px] text-ink-muted">{t("intro", { email: trader.email })}</p>
      </header>
      <TwoFactorPanel />
      <PasswordPanel />
      <SessionsPanel />
      <LogInsPanel />
    </div>
  );
}
