import { LoginForm } from "@exchange/ui";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { logIn } from "@/app/actions/session-actions";
import { currentStaff } from "@/auth";
import { StaffAuthFrame } from "@/components/auth/staff-auth-frame";

export const metadata: Metadata = { title: "Staff log-in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[]; enrol?: string | string[] }>;
}) {
  const { next, enrol } = await searchParams;
  const enrolmentToken = typeof enrol === "string" ? enrol : undefined;
  if (await currentStaff()) redirect("/");
  return (
    <StaffAuthFrame
      title="Staff log-in"
      subtitle={
        enrolmentToken
          ? "Log in to set up two-factor with the link an administrator gave you."
          : "For exchange staff only. Sign-ins need two-factor and are recorded in the audit log."
      }
    >
      <LoginForm
        logIn={logIn}
        emailLabel="Work email"
        next={typeof next === "string" ? next : undefined}
        enrolmentToken={enrolmentToken}
      />
    </StaffAuthFrame>
  );
}
