import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentTrader } from "@/auth";
import { TwoFactorPanel } from "@/components/security/two-factor-panel";

export const metadata: Metadata = { title: "Security" };

/** The trader's sign-in security: two-factor authentication. */
export default async function SecurityPage() {
  const trader = await currentTrader();
  if (!trader) redirect(`/login?next=${encodeURIComponent("/account/security")}`);
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-8 sm:px-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Security</h1>
        <p className="text-[13px] text-ink-muted">
          How you sign in to {trader.email}. Two-factor authentication keeps your account safe even
          if your password leaks.
        </p>
      </header>
      <TwoFactorPanel />
    </div>
  );
}
