import { getTranslations } from "next-intl/server";
import { AuthLink } from "@/components/auth/auth-link";
import { AuthPanel } from "@/components/auth/auth-panel";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";

export async function generateMetadata() {
  const t = await getTranslations("auth.forgot");
  return { title: t("metaTitle") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("auth.forgot");
  return (
    <AuthPanel
      title={t("title")}
      subtitle={t("subtitle")}
      footer={
        <>
          {t("remembered")} <AuthLink href="/login">{t("logIn")}</AuthLink>
        </>
      }
    >
      <ForgotPasswordForm />
    </AuthPanel>
  );
}
