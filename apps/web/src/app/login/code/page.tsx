import { CodeForm } from "@exchange/ui";
import { readChallenge } from "@exchange/ui/server";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { logInWithCodeAction } from "@/app/actions/session-actions";
import { AuthLink } from "@/components/auth/auth-link";
import { AuthPanel } from "@/components/auth/auth-panel";
import { CHALLENGE_COOKIE } from "@/lib/paths";

export async function generateMetadata() {
  const t = await getTranslations("auth.code");
  return { title: t("metaTitle") };
}

/** The log-in's second step, reached from the password step when two-factor is on. */
export default async function LogInCodePage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const { next } = await searchParams;
  if (!(await readChallenge(CHALLENGE_COOKIE))) redirect("/login");
  const t = await getTranslations("auth.code");
  return (
    <AuthPanel
      title={t("title")}
      subtitle={t("subtitle")}
      footer={
        <>
          {t("notYou")} <AuthLink href="/login">{t("otherAccount")}</AuthLink>
        </>
      }
    >
      <CodeForm
        logInWithCode={logInWithCodeAction}
        next={typeof next === "string" ? next : undefined}
        restartHref="/login"
      />
    </AuthPanel>
  );
}
