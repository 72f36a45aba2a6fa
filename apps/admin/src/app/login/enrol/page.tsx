import { safeRedirectPath } from "@exchange/ui";
import { getTranslations } from "next-intl/server";
import { currentStaff } from "@/auth";
import { EnrolFlow } from "@/components/auth/enrol-flow";
import { StaffAuthFrame } from "@/components/auth/staff-auth-frame";
import { currentEnrolment } from "@/server/log-in-enrolment";

export async function generateMetadata() {
  const t = await getTranslations("auth.enrol");
  return { title: t("metaTitle") };
}

/**
 * Staff without two-factor land here after their password: the console opens only once they
 * have enrolled. After confirming, this same page shows the recovery codes, then opens the console.
 */
export default async function StaffEnrolPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const { next } = await searchParams;
  const [enrolment, staff] = await Promise.all([currentEnrolment(), currentStaff()]);
  const t = await getTranslations("auth.enrol");
  // No redirect when neither exists: right after confirming, this page re-renders before the
  // new session cookie is readable, and must keep showing the recovery codes (EnrolFlow's
  // state) instead of bouncing through /login.
  return (
    <StaffAuthFrame
      wide
      title={t("title")}
      subtitle={
        enrolment
          ? t("subtitleEnrol", { email: enrolment.email })
          : staff
            ? t("subtitleDone")
            : t("subtitle")
      }
    >
      <EnrolFlow
        enrolment={
          enrolment ? { secret: enrolment.secret, qrCodeDataUrl: enrolment.qrCodeDataUrl } : null
        }
        continueTo={safeRedirectPath(typeof next === "string" ? next : undefined, "/")}
        signedIn={staff !== null}
      />
    </StaffAuthFrame>
  );
}
