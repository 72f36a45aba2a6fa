import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentStaff } from "@/auth";
import { BrandMark } from "@/components/brand-mark";
import { LoginForm } from "@/components/login-form";

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
        <BrandMark />
        <section className="w-full rounded-xl border border-line bg-surface p-6 shadow-2xl shadow-black/40 sm:p-8">
          <header className="mb-6 flex flex-col gap-1.5">
            <h1 className="text-xl font-semibold tracking-tight">Staff log-in</h1>
            <p className="text-[13px] text-ink-muted">
              For exchange staff only. Sign-ins are recorded in the audit log.
            </p>
          </header>
          <LoginForm next={typeof next === "string" ? next : undefined} />
        </section>
      </div>
    </div>
  );
}
