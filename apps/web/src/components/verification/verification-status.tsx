import type { KycDocumentType } from "@exchange/api/client";
import { trimZeros } from "@exchange/contracts/money";
import { buttonClasses } from "@exchange/ui";
import { DateTime, formatDecimalText } from "@exchange/ui/i18n";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useCountryName } from "./country-name";

const TONES = {
  approved: "border-up/30 bg-up/[0.06]",
  pending: "border-warn/30 bg-warn/[0.06]",
  rejected: "border-down/30 bg-down/[0.06]",
} as const;

const DOT = { approved: "bg-up", pending: "bg-warn animate-pulse", rejected: "bg-down" } as const;

/** The headline of the verification page: where the applicant stands and what happens next. */
export function VerificationState({
  state,
  title,
  children,
}: {
  state: keyof typeof TONES;
  title: string;
  children: ReactNode;
}) {
  return (
    <section
      data-testid="kyc-state"
      data-state={state}
      className={`flex flex-col gap-2 rounded-lg border p-4 ${TONES[state]}`}
    >
      <h2 className="flex items-center gap-2 text-sm font-semibold text-ink">
        <span aria-hidden="true" className={`size-2 rounded-full ${DOT[state]}`} />
        {title}
      </h2>
      <div className="text-[13px] text-ink-muted">{children}</div>
    </section>
  );
}

/** What the applicant sent, as a compact summary (never the documents themselves). */
export function SubmissionSummary({
  submission,
}: {
  submission: {
    id: number;
    legalName: string;
    country: string;
    documentType: KycDocumentType;
    createdAt: Date;
  };
}) {
  const t = useTranslations("verification");
  const countryName = useCountryName();
  const rows: Array<[string, ReactNode]> = [
    [t("summary.reference"), `#${submission.id}`],
    [t("summary.name"), submission.legalName],
    [
      t("summary.document"),
      t("summary.documentValue", {
        type: t(`documentTypes.${submission.documentType}`),
        country: countryName(submission.country),
      }),
    ],
    [t("summary.submitted"), <DateTime key="at" at={submission.createdAt} format="dateTime" />],
  ];
  return (
    <dl className="mt-1 grid grid-cols-[7rem_minmax(0,1fr)] gap-x-3 gap-y-1 text-[13px]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-ink-faint">{label}</dt>
          <dd className="text-ink">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

interface LevelView {
  level: number;
  name: string;
  canTrade: boolean;
  canDeposit: boolean;
  canWithdraw: boolean;
  dailyWithdrawalLimit: string;
}

/** A level's name in the viewer's language; a level the catalog does not know keeps its own. */
function useLevelName(): (level: LevelView) => string {
  const t = useTranslations("verification.levels");
  return (level) => {
    const key = `names.${level.level}`;
    return key === "names.0" || key === "names.1" ? t(key) : level.name;
  };
}

/** A daily limit as the viewer reads it: every digit kept, grouped for their locale. */
function useLimitText(): (limit: string) => string {
  const locale = useLocale();
  return (limit) => formatDecimalText(trimZeros(limit), locale);
}

/** What each level allows, the applicant's own highlighted, from the limits table. */
export function LevelTable({ levels, current }: { levels: readonly LevelView[]; current: number }) {
  const t = useTranslations("verification.levels");
  const levelName = useLevelName();
  const limitText = useLimitText();
  // Words and a mark, never colour alone.
  const yes = (allowed: boolean) =>
    allowed ? (
      <span className="text-up">✓ {t("yes")}</span>
    ) : (
      <span className="text-ink-faint">✕ {t("no")}</span>
    );
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-2" data-testid="kyc-levels">
      {levels.map((level) => (
        <section
          key={level.level}
          aria-current={level.level === current ? "true" : undefined}
          className={`flex flex-col gap-3 rounded-lg border p-4 ${
            level.level === current ? "border-brand/60 bg-brand/[0.05]" : "border-line bg-surface"
          }`}
        >
          <header className="flex items-center justify-between">
            <span className="text-[13px] font-semibold text-ink">
              {t("name", { level: level.level, name: levelName(level) })}
            </span>
            {level.level === current ? (
              <span className="rounded bg-brand/15 px-1.5 py-0.5 text-[11px] font-semibold text-brand">
                {t("yours")}
              </span>
            ) : null}
          </header>
          <dl className="grid grid-cols-2 gap-y-1 text-[13px]">
            <dt className="text-ink-faint">{t("trade")}</dt>
            <dd className="text-right">{yes(level.canTrade)}</dd>
            <dt className="text-ink-faint">{t("deposit")}</dt>
            <dd className="text-right">{yes(level.canDeposit)}</dd>
            <dt className="text-ink-faint">{t("withdraw")}</dt>
            <dd className="text-right">{yes(level.canWithdraw)}</dd>
            <dt className="text-ink-faint">{t("dailyWithdrawals")}</dt>
            <dd className="text-right text-ink tabular-nums">
              {level.canWithdraw
                ? t("limit", { amount: limitText(level.dailyWithdrawalLimit) })
                : "—"}
            </dd>
          </dl>
        </section>
      ))}
    </div>
  );
}

/**
 * What the account can do with money right now, and the way to the wallet: deposits are open
 * from the email's verification (level 0), trading and withdrawals from the identity's.
 */
export function FundingHint({
  levels,
  current,
  emailVerified,
}: {
  levels: readonly LevelView[];
  current: number;
  emailVerified: boolean;
}) {
  const t = useTranslations("verification.funding");
  const limitText = useLimitText();
  const now = levels.find((level) => level.level === current);
  const verified = levels.find((level) => level.canTrade && level.canWithdraw);
  const limit = limitText((verified ?? now)?.dailyWithdrawalLimit ?? "0");
  const canDeposit = emailVerified && Boolean(now?.canDeposit);
  const verifiedNow = Boolean(now?.canTrade && now.canWithdraw);
  const sentence = verifiedNow
    ? t("nowVerified", { limit })
    : canDeposit
      ? t("nowDepositOnly", { limit })
      : t("nowNothing");
  return (
    <section
      data-testid="funding-hint"
      className="flex flex-col gap-3 rounded-lg border border-line bg-surface p-4 sm:flex-row sm:items-center sm:justify-between"
    >
      <div className="flex flex-col gap-1">
        <h2 className="text-sm font-semibold text-ink">{t("title")}</h2>
        <p className="text-[13px] text-ink-muted">{sentence}</p>
      </div>
      {canDeposit ? (
        <div className="flex shrink-0 flex-wrap gap-2">
          {/* A verified account's status already offers "Deposit funds" above. */}
          {verifiedNow ? null : (
            <Link href="/wallet/deposit" className={buttonClasses("primary", "md")}>
              {t("deposit")}
            </Link>
          )}
          <Link href="/wallet" className={buttonClasses("secondary", "md")}>
            {t("wallet")}
          </Link>
        </div>
      ) : null}
    </section>
  );
}
