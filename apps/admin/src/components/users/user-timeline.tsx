"use client";

import { buttonClasses } from "@exchange/ui";
import { DateTime } from "@exchange/ui/i18n";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { DeviceText } from "@/components/audit-rows";
import { useTRPC } from "@/trpc/react";

const KINDS = ["LOGIN", "ORDER", "FUNDS", "KYC", "STAFF", "ACCOUNT"] as const;
type Kind = (typeof KINDS)[number];

const PAGE_SIZE = 30;

/**
 * Everything that happened to one account, newest first: log-ins (address, browser), failed
 * log-ins, orders, deposits and withdrawals, KYC, staff actions; filtered by kind, paged on.
 */
export function UserTimeline({ userId }: { userId: number }) {
  const t = useTranslations("users.timeline");
  const trpc = useTRPC();
  const filterId = useId();
  const [kind, setKind] = useState<Kind | "ALL">("ALL");
  const timeline = useInfiniteQuery(
    trpc.users.timeline.infiniteQueryOptions(
      { userId, limit: PAGE_SIZE, ...(kind === "ALL" ? {} : { kinds: [kind] }) },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const entries = timeline.data?.pages.flatMap((page) => page.entries) ?? [];
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={filterId} className="text-xs text-ink-muted">
          {t("filter")}
        </label>
        <select
          id={filterId}
          value={kind}
          onChange={(event) => setKind(event.target.value as Kind | "ALL")}
          className="h-10 rounded-md bg-raised px-2.5 text-[13px] text-ink ring-1 ring-line ring-inset focus:ring-2 focus:ring-brand focus:outline-none"
        >
          <option value="ALL">{t("all")}</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {timeline.isError ? (
        <p role="alert" className="text-xs text-down">
          {t("failed")}
        </p>
      ) : timeline.isPending ? (
        <p className="text-xs text-ink-muted">{t("loading")}</p>
      ) : entries.length === 0 ? (
        <p className="text-xs text-ink-muted">{t("empty")}</p>
      ) : (
        <ol className="flex flex-col divide-y divide-line rounded-lg border border-line bg-surface">
          {entries.map((entry) => (
            <li
              key={entry.key}
              data-testid="timeline-entry"
              className="grid gap-1 px-3 py-2.5 text-[13px] md:grid-cols-[11rem_7rem_minmax(0,1fr)]"
            >
              <span className="text-ink-muted tabular-nums">
                <DateTime at={entry.at} format="dateTime" />
              </span>
              <span className="text-xs font-medium text-ink-faint uppercase">
                {t(`kinds.${entry.kind}`)}
              </span>
              <div className="flex min-w-0 flex-col gap-0.5">
                <ActionText action={entry.action} />
                {entry.details.length > 0 ? (
                  // Recorded fields and values as stored: data, not the console's words.
                  <span className="font-mono text-xs break-all text-ink-muted" translate="no">
                    {entry.details.map((d) => `${d.name}: ${d.value}`).join(" · ")}
                  </span>
                ) : null}
                {entry.ip || entry.userAgent ? (
                  <span className="text-xs text-ink-faint" title={entry.userAgent ?? undefined}>
                    {entry.ip ? <span className="font-mono">{entry.ip}</span> : null}
                    {entry.ip && entry.userAgent ? " · " : null}
                    {entry.userAgent ? <DeviceText device={entry.device} /> : null}
                  </span>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
      )}
      {timeline.hasNextPage ? (
        <button
          type="button"
          disabled={timeline.isFetchingNextPage}
          onClick={() => void timeline.fetchNextPage()}
          className={`${buttonClasses("secondary", "sm")} self-start max-md:h-10`}
        >
          {t("more")}
        </button>
      ) : null}
    </div>
  );
}

/** The action in the viewer's words where the audit log names it, and as recorded. */
function ActionText({ action }: { action: string }) {
  const t = useTranslations("audit");
  const key = `actions.${action}` as Parameters<typeof t>[0];
  return (
    <span className="flex flex-wrap items-center gap-1.5">
      {t.has(key) && typeof t.raw(key) === "string" ? (
        <span className="font-medium text-ink">{t(key)}</span>
      ) : null}
      <code className="rounded bg-raised px-1.5 py-0.5 font-mono text-xs break-all text-ink ring-1 ring-line ring-inset">
        {action}
      </code>
    </span>
  );
}
