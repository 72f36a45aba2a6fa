import { FormNotice, LoginForm, safeRedirectPath } from "@exchange/ui";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { logIn, resendVerification } from "@/app/actions/session-actions";
import { currentTrader } from "@/auth";
import { AuthLink } from "@/components/auth/auth-link";
import { AuthPanel } from "@/components/auth/auth-panel";
import { HOME_PATH } from "@/lib/paths";

export const metadata: Metadata = { title: "Log in" };

/** Notices other pages send people here with (`?notice=`). */
const NOTICES: Record<string, string> = {
  "password-reset": "Your password has been changed. Log in with the new one.",
  verified: "Your email is verified. Log in to start trading.",
};

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[]; notice?: string | string[] }>;
}) {
  const { next, notice } = await searchParams;
  const nextPath = typeof next === "string" ? next : undefined;
  if (await currentTrader()) redirect(safeRedirectPath(nextPath, HOME_PATH));
  const noticeText = typeof notice === "string" ? NOTICES[notice] : undefined;
  return (
    <AuthPanel
      title="Log in"
      subtitle="Welcome back. Log in to trade and manage your account."
      footer={
        <>
          New to Exchange? <AuthLink href="/register">Create an account</AuthLink>
        </>
      }
    >
      <div className="flex flex-col gap-4">
        {noticeText ? <FormNotice>{noticeText}</FormNotice> : null}
        <LoginForm
          logIn={logIn}
          next={nextPath}
          forgotPasswordHref="/forgot-password"
          resendVerification={resendVerification}
        />
      </div>
    </AuthPanel>
  );
}
