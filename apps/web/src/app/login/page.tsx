import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentTrader } from "@/auth";
import { AuthPanel } from "@/components/auth/auth-panel";
import { LoginForm } from "@/components/auth/login-form";
import { safeRedirectPath } from "@/lib/safe-redirect";

export const metadata: Metadata = { title: "Log in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const { next } = await searchParams;
  const nextPath = typeof next === "string" ? next : undefined;
  if (await currentTrader()) redirect(safeRedirectPath(nextPath));
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
      <LoginForm next={nextPath} />
    </AuthPanel>
  );
}
