import { countryName, KYC_DOCUMENT_TYPE_LABELS, type KycDocumentType } from "@exchange/api/client";
import { groupThousands, trimZeros } from "@exchange/contracts/money";
import type { ReactNode } from "react";

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
  const rows: Array<[string, string]> = [
    ["Reference", `#${submission.id}`],
    ["Name", submission.legalName],
    [
      "Document",
      `${KYC_DOCUMENT_TYPE_LABELS[submission.documentType]}, ${countryName(submission.country)}`,
    ],
    ["Submitted", `${submission.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC`],
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

/** What each level allows, the applicant's own highlighted, from the limits table. */
export function LevelTable({ levels, current }: { levels: readonly LevelView[]; current: number }) {
  const yes = (allowed: boolean) =>
    allowed ? <span className="text-up">Yes</span> : <span className="text-ink-faint">No</span>;
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
              Level {level.level} · {level.name}
            </span>
            {level.level === current ? (
              <span className="rounded bg-brand/15 px-1.5 py-0.5 text-[11px] font-semibold text-brand">
                Your level
              </span>
            ) : null}
          </header>
          <dl className="grid grid-cols-2 gap-y-1 text-[13px]">
            <dt className="text-ink-faint">Trade</dt>
            <dd className="text-right">{yes(level.canTrade)}</dd>
            <dt className="text-ink-faint">Deposit</dt>
            <dd className="text-right">{yes(level.canDeposit)}</dd>
            <dt className="text-ink-faint">Withdraw</dt>
            <dd className="text-right">{yes(level.canWithdraw)}</dd>
            <dt className="text-ink-faint">Daily withdrawals</dt>
            <dd className="text-right text-ink tabular-nums">
              {level.canWithdraw
                ? `${groupThousands(trimZeros(level.dailyWithdrawalLimit))} USDT`
                : "—"}
            </dd>
          </dl>
        </section>
      ))}
    </div>
  );
}
