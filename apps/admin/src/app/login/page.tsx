import { AuthCard, BrandMark, LoginForm } from "@exchange/ui";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { logIn } from "@/app/actions/session-actions";
import { currentStaff } from "@/auth";

export const metadata: Metadata = { title: "Staff log-in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const { next } = await searchParams;
  if (await currentStaff()) redirect("/");
  return (
    <div className="relative flex min-h-dvh flex-col items-center justify-center overflow-hidden px-4 py-12">
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-x-0 top-0 h-96 bg-[radial-gradient(ellipse_at_top,--theme(--color-brand/10%),transparent_65%)]"
      />
      <div className="relative flex w-full max-w-[400px] flex-col items-center gap-8">
        <BrandMark href="/" label="Admin console home" tag="Admin" />
        <AuthCard
          title="Staff log-in"
          subtitle="For exchange staff only. Sign-ins are recorded in the audit log."
        >
          <LoginForm
            logIn={logIn}
            emailLabel="Work email"
            next={typeof next === "string" ? next : undefined}
          />
        </AuthCard>
      </div>
    </div>
  );
}
