import { findStaffInvite } from "@exchange/api";
import { buttonClasses, FormAlert } from "@exchange/ui";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { InviteForm } from "@/components/auth/invite-form";
import { StaffAuthFrame } from "@/components/auth/staff-auth-frame";
import { getServices } from "@/server/services";

export async function generateMetadata() {
  const t = await getTranslations("auth.invite");
  return { title: t("metaTitle") };
}

/**
 * Where an invitation mail leads: the invitee chooses their password here, then sets up
 * two-factor on the enrolment page, then the console opens.
 */
export default async function StaffInvitePage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token } = await searchParams;
  const t = await getTranslations("auth.invite");
  const usable = typeof token === "string" && token.length > 0 && token.length <= 100;
  const invite = usable ? await findStaffInvite(await getServices(), token) : null;
  if (!invite || !usable) {
    return (
      <StaffAuthFrame title={t("title")} subtitle={t("subtitleInvalid")}>
        <div className="flex flex-col gap-4">
          <FormAlert>{t("invalid")}</FormAlert>
          <Link href="/login" className={`${buttonClasses("secondary", "md")} w-full`}>
            {t("toLogIn")}
          </Link>
        </div>
      </StaffAuthFrame>
    );
  }
  if (invite.passwordChosen) {
    return (
      <StaffAuthFrame title={t("title")} subtitle={t("subtitlePasswordChosen")}>
        <Link
          href={`/login?enrol=${encodeURIComponent(token)}`}
          className={`${buttonClasses("primary", "md")} w-full`}
        >
          {t("logInToFinish")}
        </Link>
      </StaffAuthFrame>
    );
  }
  return (
    <StaffAuthFrame title={t("title")} subtitle={t("subtitle", { name: invite.name })}>
      <InviteForm token={token} email={invite.email} />
    </StaffAuthFrame>
  );
}
