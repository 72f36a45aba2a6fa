import { CodeForm } from "@exchange/ui";
import { readChallenge } from "@exchange/ui/server";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { logInWithCodeAction } from "@/app/actions/session-actions";
import { StaffAuthFrame } from "@/components/auth/staff-auth-frame";
import { CHALLENGE_COOKIE } from "@/lib/log-in";

export async function generateMetadata() {
  const t = await getTranslations("auth.code");
  return { title: t("metaTitle") };
}

/** The staff log-in's second step. */
export default async function StaffCodePage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const { next } = await searchParams;
  if (!(await readChallenge(CHALLENGE_COOKIE))) redirect("/login");
  const t = await getTranslations("auth.code");
  return (
    <StaffAuthFrame title={t("title")} subtitle={t("subtitle")}>
      <CodeForm
        logInWithCode={logInWithCodeAction}
        next={typeof next === "string" ? next : undefined}
        restartHref="/login"
      />
    </StaffAuthFrame>
  );
}
