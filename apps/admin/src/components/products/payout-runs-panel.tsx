"use client";

import type { SavingsPayoutRun } from "@exchange/contracts/savings";
import { buttonClasses } from "@exchange/ui";
import { DateTime, useDecimalText, useErrorText, useTimeZoneLabel } from "@exchange/ui/i18n";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useEffect, useState } from "react";
import { DataTable } from "@/components/data-table";
import { useTRPC } from "@/trpc/react";
import { RunOutcomeBadge } from "./savings-badges";

/** While a requested run has not finished, the list is read again this often. */
const POLL_MS = 1_000;
/** A request whose run has not shown up by then stops the polling (the worker may be down). */
const POLL_GIVE_UP_MS = 120_000;

/** The worker's clock (a run's start) may lag the admin server's (the request's) by this much. */
const CLOCK_SKEW_MS = 2_000;

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The payout runs, newest first, and "Run payouts for a date": the request is queued on the
 * worker's job queue; the list is read every second until the run for that day (started after
 * the request) has finished, then the page's pool figures are read again.
 */
export function PayoutRunsPanel({ canRun }: { canRun: boolean }) {
  const t = useTranslations("products.payouts");
  const zone = useTimeZoneLabel();
  const trpc = useTRPC();
  const router = useRouter();
  const [awaiting, setAwaiting] = useState<{ asOf: string; requestedAt: Date } | null>(null);
  const runs = useQuery({
    ...trpc.savings.payouts.list.queryOptions({ limit: 30 }),
    refetchInterval: awaiting ? POLL_MS : false,
  });
  const list = runs.data?.runs ?? [];
  useEffect(() => {
    if (!awaiting) return;
    const since = awaiting.requestedAt.getTime() - CLOCK_SKEW_MS;
    const done = list.some(
      (r) => r.asOf === awaiting.asOf && r.startedAt.getTime() >= since && r.finishedAt,
    );
    const stale = Date.now() - awaiting.requestedAt.getTime() > POLL_GIVE_UP_MS;
    if (done || stale) {
      setAwaiting(null);
      // The pool's figures are the server's part of the page.
      router.refresh();
    }
  }, [awaiting, list, router]);
  return (
    <section aria-label={t("runs")} className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 className="text-[13px] font-semibold text-ink">{t("runs")}</h2>
        {canRun ? (
          <RunPayoutsForm
            busy={awaiting !== null}
            onQueued={(asOf, requestedAt) => {
              setAwaiting({ asOf, requestedAt });
              void runs.refetch();
            }}
          />
        ) : null}
      </div>
      {awaiting ? (
        <p
          role="status"
          data-testid="payout-run-waiting"
          className="rounded-md bg-warn/10 px-3 py-2 text-xs text-warn ring-1 ring-warn/30 ring-inset"
        >
          {t("queued", { date: awaiting.asOf })}
        </p>
      ) : null}
      <DataTable
        caption={t("runsCaption")}
        columns={[
          { header: t("asOf") },
          { header: t("trigger") },
          { header: t("started", { zone }) },
          { header: t("duration"), align: "right" },
          { header: t("plansPaid"), align: "right" },
          { header: t("paidTotals"), align: "right" },
          { header: t("outcome") },
        ]}
        minWidth="min-w-[900px]"
        rows={list.map((run) => <RunRow key={run.id} run={run} />)}
        empty={
          runs.isError ? (
            <div
              role="alert"
              data-testid="payout-runs-error"
              className="flex flex-col items-center gap-3 px-4 py-8 text-center text-[13px] text-down"
            >
              {t("loadFailed")}
              <button
                type="button"
                onClick={() => void runs.refetch()}
                className={`${buttonClasses("secondary", "sm")} max-sm:h-10`}
              >
                {t("retry")}
              </button>
            </div>
          ) : (
            <p
              role={runs.isPending ? "status" : undefined}
              className="px-4 py-8 text-center text-[13px] text-ink-muted"
            >
              {runs.isPending ? t("loadingRuns") : t("noRuns")}
            </p>
          )
        }
      />
    </section>
  );
}

function RunRow({ run }: { run: SavingsPayoutRun }) {
  const t = useTranslations("products.payouts");
  const amount = useDecimalText();
  const durationMs = run.finishedAt ? run.finishedAt.getTime() - run.startedAt.getTime() : null;
  return (
    <tr data-testid="payout-run-row" data-run-id={run.id} className="align-top">
      <td className="h-10 px-4 py-2.5 font-semibold whitespace-nowrap tabular-nums">{run.asOf}</td>
      <td className="px-4 py-2.5 whitespace-nowrap">
        {run.trigger === "operations" ? t("operations") : t("daily")}
        {run.triggeredBy ? (
          <span className="block text-xs text-ink-faint">{run.triggeredBy}</span>
        ) : null}
      </td>
      <td className="px-4 py-2.5 whitespace-nowrap text-ink-muted tabular-nums">
        <DateTime at={run.startedAt} format="dateTimeBare" />
      </td>
      <td className="px-4 py-2.5 text-right whitespace-nowrap text-ink-muted tabular-nums">
        {durationMs === null ? "—" : <Duration ms={durationMs} />}
      </td>
      <td className="px-4 py-2.5 text-right tabular-nums" data-testid="run-plans-paid">
        {run.plansPaid}
      </td>
      <td className="px-4 py-2.5 text-right whitespace-nowrap tabular-nums">
        {run.totals.length === 0 ? (
          <span className="text-ink-faint">—</span>
        ) : (
          run.totals.map((total) => (
            <span
              key={total.asset}
              className="block"
              data-testid="run-total"
              data-asset={total.asset}
            >
              {amount(total.interest)} / {amount(total.principal)}
              <span className="ml-1 text-xs text-ink-faint">{total.asset}</span>
            </span>
          ))
        )}
      </td>
      <td className="max-w-[22rem] px-4 py-2.5">
        <RunOutcomeBadge ok={run.ok} />
        {run.error ? (
          <span className="mt-1 block text-xs break-words text-down" title={run.error}>
            {run.error.length > 200 ? `${run.error.slice(0, 200)}…` : run.error}
          </span>
        ) : null}
      </td>
    </tr>
  );
}

/** How long a run took: milliseconds, tenths of seconds, or minutes and seconds. */
function Duration({ ms }: { ms: number }) {
  const t = useTranslations("products.payouts");
  if (ms < 1_000) return t("ms", { value: ms });
  if (ms < 60_000) return t("seconds", { value: (ms / 1_000).toFixed(1) });
  return t("minutes", {
    minutes: Math.floor(ms / 60_000),
    seconds: Math.round((ms % 60_000) / 1_000),
  });
}

/** A day (today by default) and a confirm step: a run pays real money to every due plan. */
function RunPayoutsForm({
  busy,
  onQueued,
}: {
  busy: boolean;
  onQueued: (asOf: string, requestedAt: Date) => void;
}) {
  const t = useTranslations("products.payouts");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const run = useMutation(trpc.savings.payouts.run.mutationOptions());
  const [asOf, setAsOf] = useState(today);
  const [confirming, setConfirming] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!confirming) {
      setConfirming(true);
      return;
    }
    run.mutate(
      { asOf },
      {
        onSuccess: (answer) => {
          setConfirming(false);
          onQueued(answer.asOf, answer.requestedAt);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} aria-label={t("runLabel")} className="flex flex-wrap items-end gap-2">
      <label className="flex flex-col gap-1 text-[11px] font-medium tracking-wide text-ink-faint uppercase">
        {t("dueBy")}
        <input
          type="date"
          name="asOf"
          required
          value={asOf}
          onChange={(e) => {
            setAsOf(e.target.value);
            setConfirming(false);
          }}
          className="h-8 w-40 rounded-md max-sm:h-10 bg-canvas px-2.5 text-[13px] text-ink ring-1 ring-line-strong ring-inset outline-none [color-scheme:dark] hover:ring-ink-faint focus:ring-2 focus:ring-brand"
        />
      </label>
      {confirming ? (
        <>
          <span className="self-center text-xs text-warn">{t("confirm", { date: asOf })}</span>
          <button
            type="button"
            className={`${buttonClasses("ghost", "sm")} max-sm:h-10`}
            onClick={() => setConfirming(false)}
          >
            {t("cancel")}
          </button>
          <button
            type="submit"
            disabled={run.isPending}
            className={`${buttonClasses("primary", "sm")} max-sm:h-10`}
          >
            {run.isPending ? t("queueing") : t("yes")}
          </button>
        </>
      ) : (
        <button
          type="submit"
          disabled={busy}
          className={`${buttonClasses("secondary", "sm")} max-sm:h-10`}
        >
          {t("run")}
        </button>
      )}
      {run.error ? (
        <span role="alert" className="w-full text-xs text-down">
          {errorText(run.error)}
        </span>
      ) : null}
    </form>
  );
}
