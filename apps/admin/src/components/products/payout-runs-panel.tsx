"use client";

import { groupThousands } from "@exchange/contracts/money";
import type { SavingsPayoutRun } from "@exchange/contracts/savings";
import { buttonClasses } from "@exchange/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useState } from "react";
import { DataTable } from "@/components/data-table";
import { formatUtc } from "@/lib/time-format";
import { useTRPC } from "@/trpc/react";
import { RunOutcomeBadge } from "./savings-badges";

const COLUMNS = [
  { header: "As of" },
  { header: "Trigger" },
  { header: "Started (UTC)" },
  { header: "Duration", align: "right" },
  { header: "Plans paid", align: "right" },
  { header: "Paid (interest / principal)", align: "right" },
  { header: "Outcome" },
] as const;

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
    <section aria-label="Payout runs" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 className="text-[13px] font-semibold text-ink">Payout runs</h2>
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
          Payouts as of {awaiting.asOf} are queued; this list updates when the run ends.
        </p>
      ) : null}
      <DataTable
        caption="Payout runs, newest first"
        columns={COLUMNS}
        minWidth="min-w-[900px]"
        rows={list.map((run) => <RunRow key={run.id} run={run} />)}
        empty={
          <p className="px-4 py-8 text-center text-[13px] text-ink-muted">
            {runs.isPending
              ? "Loading runs…"
              : "No payout run yet. The daily run starts at 00:05 UTC; operations can run one for a date."}
          </p>
        }
      />
    </section>
  );
}

function RunRow({ run }: { run: SavingsPayoutRun }) {
  const durationMs = run.finishedAt ? run.finishedAt.getTime() - run.startedAt.getTime() : null;
  return (
    <tr data-testid="payout-run-row" data-run-id={run.id} className="align-top">
      <td className="h-10 px-4 py-2.5 font-semibold whitespace-nowrap tabular-nums">{run.asOf}</td>
      <td className="px-4 py-2.5 whitespace-nowrap">
        {run.trigger === "operations" ? "Operations" : "Daily schedule"}
        {run.triggeredBy ? (
          <span className="block text-xs text-ink-faint">{run.triggeredBy}</span>
        ) : null}
      </td>
      <td className="px-4 py-2.5 whitespace-nowrap text-ink-muted tabular-nums">
        {formatUtc(run.startedAt).replace(" UTC", "")}
      </td>
      <td className="px-4 py-2.5 text-right whitespace-nowrap text-ink-muted tabular-nums">
        {durationMs === null ? "—" : formatDuration(durationMs)}
      </td>
      <td className="px-4 py-2.5 text-right tabular-nums" data-testid="run-plans-paid">
        {run.plansPaid}
      </td>
      <td className="px-4 py-2.5 text-right whitespace-nowrap tabular-nums">
        {run.totals.length === 0 ? (
          <span className="text-ink-faint">—</span>
        ) : (
          run.totals.map((t) => (
            <span key={t.asset} className="block" data-testid="run-total" data-asset={t.asset}>
              {groupThousands(t.interest)} / {groupThousands(t.principal)}
              <span className="ml-1 text-xs text-ink-faint">{t.asset}</span>
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

function formatDuration(ms: number): string {
  if (ms < 1_000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1_000)} s`;
}

/** A day (today by default) and a confirm step: a run pays real money to every due plan. */
function RunPayoutsForm({
  busy,
  onQueued,
}: {
  busy: boolean;
  onQueued: (asOf: string, requestedAt: Date) => void;
}) {
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
    <form
      onSubmit={submit}
      aria-label="Run payouts for a date"
      className="flex flex-wrap items-end gap-2"
    >
      <label className="flex flex-col gap-1 text-[11px] font-medium tracking-wide text-ink-faint uppercase">
        Pay plans due by
        <input
          type="date"
          name="asOf"
          required
          value={asOf}
          onChange={(e) => {
            setAsOf(e.target.value);
            setConfirming(false);
          }}
          className="h-8 w-40 rounded-md bg-canvas px-2.5 text-[13px] text-ink ring-1 ring-line-strong ring-inset outline-none [color-scheme:dark] hover:ring-ink-faint focus:ring-2 focus:ring-brand"
        />
      </label>
      {confirming ? (
        <>
          <span className="self-center text-xs text-warn">Pay every plan due by {asOf}?</span>
          <button
            type="button"
            className={buttonClasses("ghost", "sm")}
            onClick={() => setConfirming(false)}
          >
            Cancel
          </button>
          <button type="submit" disabled={run.isPending} className={buttonClasses("primary", "sm")}>
            {run.isPending ? "Queueing…" : "Yes, run payouts"}
          </button>
        </>
      ) : (
        <button type="submit" disabled={busy} className={buttonClasses("secondary", "sm")}>
          Run payouts for a date
        </button>
      )}
      {run.error ? (
        <span role="alert" className="w-full text-xs text-down">
          {run.error.message}
        </span>
      ) : null}
    </form>
  );
}
