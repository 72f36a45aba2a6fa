"use client";

import { MARKET_STATUSES, type MarketStatus } from "@exchange/contracts/market";
import { buttonClasses, TextField } from "@exchange/ui";
import { type ApiErrorLike, useErrorText } from "@exchange/ui/i18n";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "@/trpc/react";

export interface ScheduledChangeRow {
  id: string;
  symbol: string;
  status: MarketStatus;
  runAt: Date;
  state: "PENDING" | "SENDING" | "DONE" | "REJECTED" | "CANCELLED";
  error: string | null;
}

/** Schedules a status change for a time (the browser's local time, sent as an instant). */
export function ScheduleChangeForm({ symbols }: { symbols: readonly string[] }) {
  const t = useTranslations("markets.schedule");
  const ts = useTranslations("markets.status");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const router = useRouter();
  const schedule = useMutation(trpc.markets.scheduleStatus.mutationOptions());
  const [problem, setProblem] = useState<{
    message: string;
    fields: Record<string, string[]>;
  } | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const at = String(form.get("runAt") ?? "");
    setProblem(null);
    schedule.mutate(
      {
        symbol: String(form.get("symbol") ?? ""),
        status: String(form.get("status") ?? "") as MarketStatus,
        runAt: at === "" ? new Date(Number.NaN) : new Date(at),
      },
      {
        onSuccess: () => router.refresh(),
        onError: (error) => {
          const fields =
            (error as { data?: { fieldErrors?: Record<string, string[]> } }).data?.fieldErrors ??
            {};
          setProblem({ message: errorText(error as ApiErrorLike), fields });
        },
      },
    );
  }

  const select =
    "h-10 rounded-md bg-canvas px-2.5 text-sm font-normal text-ink ring-1 ring-inset ring-line-strong";
  return (
    <form onSubmit={submit} noValidate aria-label={t("label")} className="flex flex-col gap-3">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <label className="flex flex-col gap-1.5 text-[13px] font-medium text-ink-muted">
          {t("market")}
          <select name="symbol" className={select}>
            {symbols.map((symbol) => (
              <option key={symbol} value={symbol}>
                {symbol}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1.5 text-[13px] font-medium text-ink-muted">
          {t("status")}
          <select name="status" className={select} defaultValue="TRADING">
            {MARKET_STATUSES.map((status) => (
              <option key={status} value={status}>
                {ts(status)}
              </option>
            ))}
          </select>
        </label>
        <TextField
          label={t("runAt")}
          name="runAt"
          type="datetime-local"
          hint={t("runAtHint")}
          errors={problem?.fields.runAt}
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={schedule.isPending}
          className={buttonClasses("secondary", "md")}
        >
          {t("submit")}
        </button>
        {problem ? (
          <span role="alert" className="text-[13px] text-down">
            {problem.message}
          </span>
        ) : null}
      </div>
    </form>
  );
}

/** The latest status changes, waiting ones first; a waiting one can be cancelled. */
export function ScheduledChanges({ changes }: { changes: readonly ScheduledChangeRow[] }) {
  const t = useTranslations("markets.schedule");
  const ts = useTranslations("markets.status");
  const format = useFormatter();
  if (changes.length === 0) return <p className="text-[13px] text-ink-faint">{t("none")}</p>;
  return (
    <ul className="flex flex-col divide-y divide-line" aria-label={t("listLabel")}>
      {changes.map((change) => (
        <li
          key={change.id}
          data-testid="status-change"
          className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2 text-[13px]"
        >
          <span className="font-mono text-ink">{change.symbol}</span>
          <span className="text-ink-muted">→ {ts(change.status)}</span>
          <span className="text-ink-muted tabular-nums">
            {format.dateTime(change.runAt, "dateTime")}
          </span>
          <span className={change.state === "REJECTED" ? "text-down" : "text-ink-faint"}>
            {t(`states.${change.state}`)}
            {change.error ? ` · ${change.error}` : ""}
          </span>
          {change.state === "PENDING" ? (
            <CancelChange id={change.id} symbol={change.symbol} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function CancelChange({ id, symbol }: { id: string; symbol: string }) {
  const t = useTranslations("markets.schedule");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const router = useRouter();
  const cancel = useMutation(trpc.markets.cancelScheduled.mutationOptions());
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <span className="ml-auto flex items-center gap-2">
      <button
        type="button"
        disabled={cancel.isPending}
        aria-label={t("cancelLabel", { symbol })}
        onClick={() =>
          cancel.mutate(
            { id },
            { onSuccess: () => router.refresh(), onError: (e) => setProblem(errorText(e)) },
          )
        }
        className={`${buttonClasses("ghost", "sm")} max-sm:h-10`}
      >
        {t("cancel")}
      </button>
      {problem ? (
        <span role="alert" className="text-xs text-down">
          {problem}
        </span>
      ) : null}
    </span>
  );
}
