import { buttonClasses } from "@exchange/ui";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentTrader } from "@/auth";
import { KycForm } from "@/components/verification/kyc-form";
import {
  FundingHint,
  LevelTable,
  SubmissionSummary,
  VerificationState,
} from "@/components/verification/verification-status";
import { traderApi } from "@/server/trader-api";

export async function generateMetadata() {
  const t = await getTranslations("verification");
  return { title: t("metaTitle") };
}

/** Where a trader verifies their identity (KYC level 1), follows the review, and funds the account. */
export default async function VerificationPage() {
  const trader = await currentTrader();
  if (!trader) redirect(`/login?next=${encodeURIComponent("/account/verification")}`);
  const status = await (await traderApi()).kyc.status();
  const latest = status.latest;
  const t = await getTranslations("verification");
  return (
    <div className="mx-auto flex w-full max-w-4xl flex-col gap-6 px-4 py-8 sm:px-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-[13px] text-ink-muted">{t("intro", { email: trader.email })}</p>
      </header>

      {status.level >= 1 ? (
        <VerificationState state="approved" title={t("approved.title", { level: status.level })}>
          <p>{t("approved.body")}</p>
          <div className="mt-3 flex flex-wrap items-center gap-3">
            <Link href="/wallet/deposit" className={buttonClasses("primary", "md")}>
              {t("approved.deposit")}
            </Link>
            <Link
              href="/trade"
              className="inline-flex min-h-10 items-center font-medium text-brand hover:text-brand-hover"
            >
              {t("approved.trade")}
            </Link>
          </div>
        </VerificationState>
      ) : !status.emailVerified ? (
        <VerificationState state="pending" title={t("emailFirst.title")}>
          {t("emailFirst.body")}
        </VerificationState>
      ) : latest?.status === "PENDING" ? (
        <VerificationState state="pending" title={t("pending.title")}>
          {t("pending.body")}
          <SubmissionSummary submission={latest} />
        </VerificationState>
      ) : null}

      {status.level === 0 ? (
        <FundingHint
          levels={status.levels}
          current={status.level}
          emailVerified={status.emailVerified}
        />
      ) : null}

      {status.level === 0 && status.emailVerified && latest?.status !== "PENDING" ? (
        <section className="flex flex-col gap-4 rounded-lg border border-line bg-surface p-5">
          {latest?.status === "REJECTED" ? (
            <VerificationState state="rejected" title={t("rejected.title")}>
              <p>{t("rejected.body")}</p>
              <p data-testid="kyc-reject-reason" className="mt-1 font-medium text-ink">
                {latest.rejectReason}
              </p>
            </VerificationState>
          ) : null}
          <div className="flex flex-col gap-1">
            <h2 className="text-sm font-semibold text-ink">
              {latest ? t("form.submitAgain") : t("form.verify")}
            </h2>
            <p className="text-[13px] text-ink-muted">{t("form.documentsHint")}</p>
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

      {status.level >= 1 ? (
        <FundingHint
          levels={status.levels}
          current={status.level}
          emailVerified={status.emailVerified}
        />
      ) : null}

      <section className="flex flex-col gap-3">
        <h2 className="text-sm font-semibold text-ink">{t("levels.title")}</h2>
        <LevelTable levels={status.levels} current={status.level} />
      </section>
    </div>
  );
}
