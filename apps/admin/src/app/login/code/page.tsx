import { CodeForm } from "@exchange/ui";
import { readChallenge } from "@exchange/ui/server";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { logInWithCodeAction } from "@/app/actions/session-actions";
import { StaffAuthFrame } from "@/components/auth/staff-auth-frame";
import { CHALLENGE_COOKIE } from "@/lib/log-in";

export const metadata: Metadata = { title: "Staff log-in: code" };

/** The staff log-in's second step. */
export default async function StaffCodePage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const { next } = await searchParams;
  if (!(await readChallenge(CHALLENGE_COOKIE))) redirect("/login");
  return (
    <StaffAuthFrame
      title="Two-factor authentication"
      subtitle="Enter the code from your authenticator app to open the console."
    >
      <CodeForm
        logInWithCode={logInWithCodeAction}
        next={typeof next === "string" ? next : undefined}
        restartHref="/login"
      />
    </StaffAuthFrame>
  );
}
