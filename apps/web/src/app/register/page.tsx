import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentTrader } from "@/auth";
import { AuthPanel } from "@/components/auth/auth-panel";
import { RegisterForm } from "@/components/auth/register-form";
import { HOME_PATH } from "@/lib/paths";

export const metadata: Metadata = { title: "Create account" };

export default async function RegisterPage() {
  if (await currentTrader()) redirect(HOME_PATH);
  return (
    <AuthPanel
      title="Create your account"
      subtitle="Register with your email to start trading spot markets."
      footer={
        <>
          Already registered?{" "}
          <Link href="/login" className="font-medium text-brand hover:text-brand-hover">
            Log in
          </Link>
        </>
      }
    >
      <RegisterForm />
    </AuthPanel>
  );
}
