import { FormNotice, LoginForm, safeRedirectPath } from "@exchange/ui";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { logIn, resendVerification } from "@/app/actions/session-actions";
import { currentTrader } from "@/auth";
import { AuthLink } from "@/components/auth/auth-link";
import { AuthPanel } from "@/components/auth/auth-panel";
import { HOME_PATH } from "@/lib/paths";

export async function generateMetadata() {
  const t = await getTranslations("auth.login");
  return { title: t("metaTitle") };
}

/** Notices other pages send people here with (`?notice=`), by their key in `auth.login.notices`. */
const NOTICES = ["password-reset", "verified"] as const;
type Notice = (typeof NOTICES)[number];
const isNotice = (value: unknown): value is Notice =>
  typeof value === "string" && (NOTICES as readonly string[]).includes(value);

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[]; notice?: string | string[] }>;
}) {
  const { next, notice } = await searchParams;
  const nextPath = typeof next === "string" ? next : undefined;
  if (await currentTrader()) redirect(safeRedirectPath(nextPath, HOME_PATH));
  const t = await getTranslations("auth.login");
  return (
    <AuthPanel
      title={t("title")}
      subtitle={t("subtitle")}
      footer={
        <>
          {t("newHere")} <AuthLink href="/register">{t("createAccount")}</AuthLink>
        </>
      }
    >
      <div className="flex flex-col gap-4">
        {isNotice(notice) ? <FormNotice>{t(`notices.${notice}`)}</FormNotice> : null}
        <LoginForm
          logIn={logIn}
          next={nextPath}
          forgotPasswordHref="/forgot-password"
          resendVerification={resendVerification}
        />
      </div>
    </AuthPanel>
  );
}
