import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentTrader } from "@/auth";
import { KycForm } from "@/components/verification/kyc-form";
import {
  LevelTable,
  SubmissionSummary,
  VerificationState,
} from "@/components/verification/verification-status";
import { traderApi } from "@/server/trader-api";

export const metadata: Metadata = { title: "Identity verification" };

/** Where a trader verifies their identity (KYC level 1) and follows the review. */
export default async function VerificationPage() {
  const trader = await currentTrader();
  if (!trader) redirect(`/login?next=${encodeURIComponent("/account/verification")}`);
  const status = await (await traderApi()).kyc.status();
  const latest = status.latest;
  return (
    <div className="mx-auto flex w-full max-w-4xl flex-col gap-6 px-4 py-8 sm:px-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Identity verification</h1>
        <p className="text-[13px] text-ink-muted">
          Verifying who you are opens trading and withdrawals on {trader.email}. It takes a few
          minutes; our compliance team usually decides within a day.
        </p>
      </header>

      {status.level >= 1 ? (
        <VerificationState state="approved" title={`Verified · Level ${status.level}`}>
          Your identity is verified. You can trade and withdraw within your level's limits.{" "}
          <Link href="/trade" className="font-medium text-brand hover:text-brand-hover">
            Start trading →
          </Link>
        </VerificationState>
      ) : !status.emailVerified ? (
        <VerificationState state="pending" title="Verify your email first">
          Open the link we emailed you, then come back here to verify your identity.
        </VerificationState>
      ) : latest?.status === "PENDING" ? (
        <VerificationState state="pending" title="Under review">
          We have your documents and will email you when compliance has decided.
          <SubmissionSummary submission={latest} />
        </VerificationState>
      ) : null}

      {status.level === 0 && status.emailVerified && latest?.status !== "PENDING" ? (
        <section className="flex flex-col gap-4 rounded-lg border border-line bg-surface p-5">
          {latest?.status === "REJECTED" ? (
            <VerificationState state="rejected" title="Not verified: please submit again">
              <p>Compliance could not verify your last submission:</p>
              <p data-testid="kyc-reject-reason" className="mt-1 font-medium text-ink">
                {latest.rejectReason}
              </p>
            </VerificationState>
          ) : null}
          <div className="flex flex-col gap-1">
            <h2 className="text-sm font-semibold text-ink">
              {latest ? "Submit again" : "Verify your identity"}
            </h2>
            <p className="text-[13px] text-ink-muted">
              Use a valid passport, national identity card or driving licence in your own name.
            </p>
          </div>
          <KycForm
            previous={
              latest
                ? {
                    legalName: latest.legalName,
                    country: latest.country,
                    documentType: latest.documentType,
                  }
                : undefined
            }
          />
        </section>
      ) : null}

      <section className="flex flex-col gap-3">
        <h2 className="text-sm font-semibold text-ink">What each level allows</h2>
        <LevelTable levels={status.levels} current={status.level} />
      </section>
    </div>
  );
}
