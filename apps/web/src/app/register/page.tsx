import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentTrader } from "@/auth";
import { AuthLink } from "@/components/auth/auth-link";
import { AuthPanel } from "@/components/auth/auth-panel";
import { RegisterForm } from "@/components/auth/register-form";
import { HOME_PATH } from "@/lib/paths";

export async function generateMetadata() {
  const t = await getTranslations("auth.register");
  return { title: t("metaTitle") };
}

export default async function RegisterPage() {
  if (await currentTrader()) redirect(HOME_PATH);
  const t = await getTranslations("auth.register");
  return (
    <AuthPanel
      title={t("title")}
      subtitle={t("subtitle")}
      footer={
        <>
          {t("alreadyRegistered")} <AuthLink href="/login">{t("logIn")}</AuthLink>
        </>
      }
    >
      <RegisterForm />
    </AuthPanel>
  );
}
