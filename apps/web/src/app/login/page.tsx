import { LoginForm, safeRedirectPath } from "@exchange/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { logIn } from "@/app/actions/session-actions";
import { currentTrader } from "@/auth";
import { AuthPanel } from "@/components/auth/auth-panel";
import { HOME_PATH } from "@/lib/paths";

export const metadata: Metadata = { title: "Log in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const { next } = await searchParams;
  const nextPath = typeof next === "string" ? next : undefined;
  if (await currentTrader()) redirect(safeRedirectPath(nextPath, HOME_PATH));
  return (
    <AuthPanel
      title="Log in"
      subtitle="Welcome back. Log in to trade and manage your account."
      footer={
        <>
          New to Exchange?{" "}
          <Link href="/register" className="font-medium text-brand hover:text-brand-hover">
            Create an account
          </Link>
        </>
      }
    >
      <LoginForm logIn={logIn} next={nextPath} />
    </AuthPanel>
  );
}
