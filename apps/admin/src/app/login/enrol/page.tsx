import { safeRedirectPath } from "@exchange/ui";
import type { Metadata } from "next";
import { currentStaff } from "@/auth";
import { EnrolFlow } from "@/components/auth/enrol-flow";
import { StaffAuthFrame } from "@/components/auth/staff-auth-frame";
import { currentEnrolment } from "@/server/log-in-enrolment";

export const metadata: Metadata = { title: "Set up two-factor" };

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
  // No redirect when neither exists: right after confirming, this page re-renders before the
  // new session cookie is readable, and must keep showing the recovery codes (EnrolFlow's
  // state) instead of bouncing through /login.
  return (
    <StaffAuthFrame
      wide
      title="Set up two-factor authentication"
      subtitle={
        enrolment
          ? `Staff accounts need two-factor. Enrol ${enrolment.email} to open the console.`
          : staff
            ? "Two-factor authentication is on. Save your recovery codes, then open the console."
            : "Staff accounts need two-factor to open the console."
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
