import { verifyEmail } from "@exchange/api";
import { buttonClasses, FormAlert, FormNotice } from "@exchange/ui";
import { clientIp, spokenErrorCode, spokenErrorText } from "@exchange/ui/server";
import { headers } from "next/headers";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthLink } from "@/components/auth/auth-link";
import { AuthPanel } from "@/components/auth/auth-panel";
import { ResendForm } from "@/components/auth/resend-form";
import { getServices } from "@/server/services";

export async function generateMetadata() {
  const t = await getTranslations("auth.verifyEmail");
  return { title: t("metaTitle") };
}
// Uses a single-use token: never prerendered, never cached.
export const dynamic = "force-dynamic";

type Outcome =
  | { ok: true; email: string; alreadyVerified: boolean }
  | { ok: false; message: string };

/** Where the verification mail's link lands. */
export default async function VerifyEmailPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token } = await searchParams;
  const outcome = await verify(typeof token === "string" ? token : "");
  const t = await getTranslations("auth.verifyEmail");
  return (
    <AuthPanel
      title={outcome.ok ? t("verifiedTitle") : t("failedTitle")}
      subtitle={outcome.ok ? t("verifiedSubtitle") : t("failedSubtitle")}
      footer={
        <>
          {t("needHelp")} <AuthLink href="/login">{t("backToLogIn")}</AuthLink>
        </>
      }
    >
      {outcome.ok ? (
        <div className="flex flex-col gap-4">
          <FormNotice>
            {outcome.alreadyVerified
              ? t("alreadyVerified", { email: outcome.email })
              : t("verified", { email: outcome.email })}
          </FormNotice>
          <Link
            href="/login?notice=verified"
            className={`${buttonClasses("primary", "md")} w-full`}
          >
            {t("logIn")}
          </Link>
        </div>
      ) : (
        <div className="flex flex-col gap-4">
          <FormAlert>{outcome.message}</FormAlert>
          <p className="text-[13px] text-ink-muted">{t("askNewLink")}</p>
          <ResendForm />
        </div>
      )}
    </AuthPanel>
  );
}

async function verify(token: string): Promise<Outcome> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) {
    const t = await getTranslations("auth.verifyEmail");
    return { ok: false, message: t("invalidLink") };
  }
  try {
    const ip = clientIp(await headers());
    return { ok: true, ...(await verifyEmail(await getServices(), { token, ip })) };
  } catch (error) {
    if (!spokenErrorCode(error)) throw error;
    return { ok: false, message: await spokenErrorText(error) };
  }
}
