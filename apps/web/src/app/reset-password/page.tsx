import { getTranslations } from "next-intl/server";
import { AuthLink } from "@/components/auth/auth-link";
import { AuthPanel } from "@/components/auth/auth-panel";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";

export async function generateMetadata() {
  const t = await getTranslations("auth.reset");
  return { title: t("metaTitle") };
}

/** Where the reset mail's link lands. The token is checked (and used up) on submit. */
export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token } = await searchParams;
  const t = await getTranslations("auth.reset");
  return (
    <AuthPanel
      title={t("title")}
      subtitle={t("subtitle")}
      footer={
        <>
          {t("linkExpired")} <AuthLink href="/forgot-password">{t("sendNew")}</AuthLink>
        </>
      }
    >
      <ResetPasswordForm token={typeof token === "string" ? token : ""} />
    </AuthPanel>
  );
}
