"use client";

import { parseDecimal } from "@exchange/contracts/money";
import type { SavingsInstance } from "@exchange/contracts/savings";
import { buttonClasses, FormAlert, FormNotice, Spinner, TextField } from "@exchange/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { formatAmount } from "@/components/trade/format";
import { usePrivatePollMs } from "@/components/trade/use-account-live";
import { useTRPC } from "@/trpc/react";
import { dayWords, leastOf, termWords } from "./savings-words";

/** How long the amount rests before its schedule is asked for. */
const PREVIEW_DELAY_MS = 300;

function useSettled<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/**
 * Subscribing to one offer: the amount (with "Max": the least of the available balance, the
 * offer's maximum and today's quota left), the schedule it would get — each payment's interest
 * and day, the total — and a confirm. One attempt is one subscription: its key is kept until the
 * amount changes or it succeeds, so a double click or a retry subscribes once.
 */
export function SubscribePanel({
  offer,
  onClose,
}: {
  offer: SavingsInstance;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const balances = useQuery({
    ...trpc.trading.balances.queryOptions(),
    refetchInterval: usePrivatePollMs(),
  });
  const available = balances.data?.find((b) => b.asset === offer.asset)?.available ?? "0";
  const [amount, setAmount] = useState("");
  const [error, setError] = useState<{ field?: string; form?: string }>({});
  const [done, setDone] = useState<string>();
  const requestKey = useRef<string>(crypto.randomUUID());
  const typed = amount.trim();
  const settled = useSettled(typed, PREVIEW_DELAY_MS);
  const parsed = parseDecimal(settled);
  const previewable = parsed !== null && parsed.units > 0n;
  const preview = useQuery({
    ...trpc.savings.preview.queryOptions({ instanceId: offer.id, amount: settled }),
    enabled: previewable,
    retry: false,
  });
  const subscribe = useMutation(trpc.savings.subscribe.mutationOptions());
  const max = leastOf(available, offer.maxAmount, offer.remaining) ?? "0";

  function edit(next: string) {
    setAmount(next);
    setError({});
    setDone(undefined);
    requestKey.current = crypto.randomUUID();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (subscribe.isPending) return;
    if (!typed) return setError({ field: "Enter an amount." });
    setError({});
    try {
      const subscription = await subscribe.mutateAsync({
        instanceId: offer.id,
        amount: typed,
        requestKey: requestKey.current,
      });
      requestKey.current = crypto.randomUUID();
      setDone(`Subscribed ${formatAmount(subscription.amount)} ${offer.asset} to ${offer.name}.`);
      setAmount("");
      for (const filter of [
        trpc.savings.subscriptions.pathFilter(),
        trpc.savings.offers.pathFilter(),
        trpc.trading.balances.pathFilter(),
        trpc.wallet.balances.pathFilter(),
      ]) {
        void queryClient.invalidateQueries(filter);
      }
    } catch (failure) {
      const data = (failure as { data?: { fieldErrors?: Record<string, string[]> } }).data;
      const field = data?.fieldErrors?.amount?.[0];
      setError(field ? { field } : { form: (failure as Error).message });
    }
  }

  const previewError = preview.isError ? preview.error.message : undefined;
  return (
    <section
      aria-label={`Subscribe to ${offer.name}`}
      data-testid="subscribe-panel"
      className="flex min-w-0 flex-col gap-5 rounded-xl border border-line bg-surface p-4 sm:p-6"
    >
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex flex-col gap-0.5">
          <h2 className="text-base font-semibold tracking-tight text-ink">
            Subscribe to {offer.name}
          </h2>
          <p className="text-[13px] text-ink-muted">
            {offer.annualRatePercent}% a year for {termWords(offer.termDays)}: interest from{" "}
            {dayWords(offer.valueDate)}, principal back on {dayWords(offer.maturityDate)}.
          </p>
        </div>
        <button type="button" onClick={onClose} className={buttonClasses("ghost", "sm")}>
          Close
        </button>
      </header>

      {done ? (
        <FormNotice>
          <span data-testid="subscribe-done">{done}</span>{" "}
          <Link href="#my-savings" className="font-medium text-brand hover:underline">
            See it in My savings
          </Link>
        </FormNotice>
      ) : null}
      {error.form ? <FormAlert>{error.form}</FormAlert> : null}

      <form onSubmit={submit} noValidate className="flex flex-col gap-5" aria-label="Subscribe">
        <div className="flex max-w-md flex-col gap-1.5">
          <div className="flex items-end gap-2">
            <div className="flex-1">
              <TextField
                label={`Amount (${offer.asset})`}
                name="amount"
                inputMode="decimal"
                autoComplete="off"
                placeholder={`${formatAmount(offer.minAmount)} – ${formatAmount(offer.maxAmount)}`}
                className="tabular-nums"
                value={amount}
                onChange={(e) => edit(e.target.value)}
                errors={error.field ? [error.field] : undefined}
              />
            </div>
            <button
              type="button"
              disabled={max === "0"}
              onClick={() => edit(max)}
              className={`${buttonClasses("secondary", "md")} ${error.field ? "mb-6" : ""}`}
            >
              Max
            </button>
          </div>
          <p className="text-xs text-ink-faint tabular-nums" data-testid="subscribe-available">
            Available: {balances.data ? `${formatAmount(available)} ${offer.asset}` : "…"}
          </p>
        </div>

        <SchedulePreview
          asset={offer.asset}
          loading={previewable && preview.isFetching && !preview.data}
          error={previewError}
          preview={typed && previewable && preview.data?.amount ? preview.data : undefined}
        />

        <button
          type="submit"
          disabled={subscribe.isPending}
          className={`${buttonClasses("primary", "md")} w-full sm:w-auto sm:self-start`}
        >
          {subscribe.isPending ? <Spinner /> : null}
          {subscribe.isPending ? "Subscribing…" : "Confirm subscription"}
        </button>
      </form>
    </section>
  );
}

interface Preview {
  amount: string;
  maturityDate: string;
  interestTotal: string;
  plans: { seq: number; dueDate: string; interest: string; principal: string }[];
}

/** The payments a subscription of the typed amount would get, before anything moves. */
function SchedulePreview({
  asset,
  loading,
  error,
  preview,
}: {
  asset: string;
  loading: boolean;
  error: string | undefined;
  preview: Preview | undefined;
}) {
  if (error) return <p className="text-[13px] text-down">{error}</p>;
  if (loading) {
    return (
      <p className="flex items-center gap-2 text-[13px] text-ink-muted">
        <Spinner /> Working out the schedule…
      </p>
    );
  }
  if (!preview) {
    return (
      <p className="text-[13px] text-ink-faint">
        Enter an amount to see each payment before you confirm.
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-3" data-testid="subscribe-preview">
      <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1.5 rounded-md bg-raised px-4 py-3 text-[13px] ring-1 ring-line ring-inset">
        <dt className="text-ink-muted">Principal</dt>
        <dd className="text-right text-ink tabular-nums">
          {formatAmount(preview.amount)} {asset}
        </dd>
        <dt className="text-ink-muted">Total interest</dt>
        <dd className="text-right font-medium text-up tabular-nums" data-testid="preview-interest">
          {formatAmount(preview.interestTotal)} {asset}
        </dd>
        <dt className="text-ink-muted">Principal back on</dt>
        <dd className="text-right text-ink">{dayWords(preview.maturityDate)}</dd>
      </dl>
      <div className="max-h-64 overflow-auto rounded-md ring-1 ring-line ring-inset">
        <table className="w-full text-[13px]" aria-label="Payment schedule">
          <thead className="sticky top-0 bg-surface">
            <tr className="text-left text-xs text-ink-faint">
              <th className="px-3 py-2 font-medium">#</th>
              <th className="px-3 py-2 font-medium">Paid on</th>
              <th className="px-3 py-2 text-right font-medium">Interest</th>
              <th className="px-3 py-2 text-right font-medium">Principal</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {preview.plans.map((plan) => (
              <tr key={plan.seq}>
                <td className="px-3 py-1.5 text-ink-faint tabular-nums">{plan.seq}</td>
                <td className="px-3 py-1.5 whitespace-nowrap">{dayWords(plan.dueDate)}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">
                  {formatAmount(plan.interest)}
                </td>
                <td className="px-3 py-1.5 text-right tabular-nums">
                  {plan.principal === "0" ? "—" : formatAmount(plan.principal)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
