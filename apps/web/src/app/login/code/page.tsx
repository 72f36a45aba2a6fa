import { CodeForm } from "@exchange/ui";
import { readChallenge } from "@exchange/ui/server";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { logInWithCodeAction } from "@/app/actions/session-actions";
import { AuthLink } from "@/components/auth/auth-link";
import { AuthPanel } from "@/components/auth/auth-panel";
import { CHALLENGE_COOKIE } from "@/lib/paths";

export const metadata: Metadata = { title: "Two-factor authentication" };

/** The log-in's second step, reached from the password step when two-factor is on. */
export default async function LogInCodePage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const { next } = await searchParams;
  if (!(await readChallenge(CHALLENGE_COOKIE))) redirect("/login");
  return (
    <AuthPanel
      title="Two-factor authentication"
      subtitle="Your account is protected with two-factor. Enter the code from your authenticator app."
      footer={
        <>
          Not you? <AuthLink href="/login">Log in with another account</AuthLink>
        </>
      }
    >
      <CodeForm
        logInWithCode={logInWithCodeAction}
        next={typeof next === "string" ? next : undefined}
        restartHref="/login"
      />
    </AuthPanel>
  );
}
