import { LoginForm } from "@exchange/ui";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { logIn } from "@/app/actions/session-actions";
import { currentStaff } from "@/auth";
import { StaffAuthFrame } from "@/components/auth/staff-auth-frame";

export async function generateMetadata() {
  const t = await getTranslations("auth.login");
  return { title: t("metaTitle") };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[]; enrol?: string | string[] }>;
}) {
  const { next, enrol } = await searchParams;
  const enrolmentToken = typeof enrol === "string" ? enrol : undefined;
  if (await currentStaff()) redirect("/");
  const t = await getTranslations("auth.login");
  return (
    <StaffAuthFrame
      title={t("title")}
      subtitle={enrolmentToken ? t("subtitleEnrol") : t("subtitle")}
    >
      <LoginForm
        logIn={logIn}
        emailLabel={t("workEmail")}
        next={typeof next === "string" ? next : undefined}
        enrolmentToken={enrolmentToken}
      />
    </StaffAuthFrame>
  );
}
