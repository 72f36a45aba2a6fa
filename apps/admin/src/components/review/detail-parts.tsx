import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { AgeingBadge } from "@/components/kyc/ageing-badge";
import { KycLevelBadge } from "@/components/kyc/kyc-status-badge";

/**
 * The top line of a review page: the way back to its queue, what is under review, its status,
 * and, while it still waits, for how long.
 */
export function DetailHeader({
  backHref,
  backLabel,
  title,
  badge,
  waitingSince,
  now,
}: {
  backHref: string;
  backLabel: string;
  title: ReactNode;
  badge: ReactNode;
  /** Null once decided: only a waiting item shows its age. */
  waitingSince: Date | null;
  now: Date;
}) {
  const t = useTranslations("common.detail");
  return (
    <header className="flex flex-wrap items-center gap-3">
      <Link
        href={backHref}
        className="inline-flex min-h-10 items-center text-xs text-ink-muted hover:text-ink"
      >
        ← {backLabel}
      </Link>
      {title}
      {badge}
      {waitingSince ? (
        <span className="text-xs text-ink-muted">
          {t("waiting")} <AgeingBadge since={waitingSince} now={now} />
        </span>
      ) : null}
    </header>
  );
}

/** A titled block on a review page, with an optional link or button on the right. */
export function DetailCard({
  title,
  action,
  shrinks = false,
  children,
}: {
  title: string;
  action?: ReactNode;
  /** Lets the card narrow below its content (long addresses, tables) instead of widening the grid. */
  shrinks?: boolean;
  children: ReactNode;
}) {
  return (
    <section
      className={`flex ${shrinks ? "min-w-0 " : ""}flex-col rounded-lg border border-line bg-surface p-4`}
    >
      <div className="mb-3 flex items-center justify-between">
        <h2 className="text-[13px] font-semibold text-ink">{title}</h2>
        {action}
      </div>
      {children}
    </section>
  );
}

/** Label / value pairs, the labels in one column so the values line up. */
export function Facts({ rows }: { rows: ReadonlyArray<readonly [string, ReactNode]> }) {
  return (
    <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-5 gap-y-2 text-[13px]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-ink-faint">{label}</dt>
          <dd className="min-w-0 text-ink-muted [overflow-wrap:anywhere]">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A small heading inside a card, above a list that belongs to it. */
export function SubHeading({ children }: { children: ReactNode }) {
  return (
    <h3 className="mt-4 mb-2 text-[11px] font-semibold tracking-wider text-ink-faint uppercase">
      {children}
    </h3>
  );
}

/** A card action leading to the user's full profile. */
export function ProfileLink({ userId }: { userId: number }) {
  const t = useTranslations("common.detail");
  return (
    <Link
      href={`/users/${userId}`}
      className="inline-flex min-h-10 items-center text-xs font-medium text-brand hover:text-brand-hover"
    >
      {t("fullProfile")}
    </Link>
  );
}

/** The labels of {@link userIdentityFacts}, in the viewer's language (`common.detail`). */
export interface IdentityLabels {
  email: string;
  userId: string;
  kycLevel: string;
}

/**
 * The fact rows that say who the user is; each page appends what matters to its decision.
 * `labels` come from `common.detail` (email, userId, kycLevel), in the viewer's language.
 */
export function userIdentityFacts(
  user: {
    id: number;
    email: string;
    kycLevel: Parameters<typeof KycLevelBadge>[0]["level"];
  },
  labels: IdentityLabels,
): [string, ReactNode][] {
  return [
    [labels.email, user.email],
    [
      labels.userId,
      <span key="u" className="tabular-nums">
        #{user.id}
      </span>,
    ],
    [labels.kycLevel, <KycLevelBadge key="l" level={user.kycLevel} />],
  ];
}
