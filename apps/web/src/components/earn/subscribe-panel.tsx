"use client";

import { parseDecimal } from "@exchange/contracts/money";
import type { SavingsInstance } from "@exchange/contracts/savings";
import { buttonClasses, FormAlert, FormNotice, Spinner, TextField } from "@exchange/ui";
import { type ApiErrorLike, useErrorText, useTimeZoneLabel } from "@exchange/ui/i18n";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { usePrivatePollMs } from "@/components/trade/use-account-live";
import { useAmountText } from "@/components/wallet/amount-text";
import { PanelLoading, TOUCH } from "@/components/wallet/panel-states";
import { useTRPC } from "@/trpc/react";
import { SavingsDay, useSavingsDayText } from "./savings-day";
import { leastOf } from "./savings-words";

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
  const t = useTranslations("earn.subscribe");
  const earn = useTranslations("earn");
  const amountText = useAmountText();
  const dayText = useSavingsDayText();
  const errorText = useErrorText();
  const locale = useLocale();
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

  /**
   * What a refused amount reads as: the server's own sentence in English, in other languages the
   * offer's bounds from the catalog (the server's field sentences are English only).
   */
  function failureText(failure: ApiErrorLike): { field?: string; form?: string } {
    const data = (failure as { data?: { fieldErrors?: Record<string, string[]> } }).data;
    const field = data?.fieldErrors?.amount?.[0];
    if (!field) return { form: errorText(failure) };
    if (locale === "en") return { field };
    return {
      field: t("amountProblem", {
        min: amountText(offer.minAmount),
        max: amountText(offer.maxAmount),
        asset: offer.asset,
      }),
    };
  }

  function edit(next: string) {
    setAmount(next);
    setError({});
    setDone(undefined);
    requestKey.current = crypto.randomUUID();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (subscribe.isPending) return;
    if (!typed) return setError({ field: t("required") });
    setError({});
    try {
      const subscription = await subscribe.mutateAsync({
        instanceId: offer.id,
        amount: typed,
        requestKey: requestKey.current,
      });
      requestKey.current = crypto.randomUUID();
      setDone(
        t("done", {
          amount: amountText(subscription.amount),
          asset: offer.asset,
          name: offer.name,
        }),
      );
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
      setError(failureText(failure as ApiErrorLike));
    }
  }

  const previewFailure = preview.isError ? failureText(preview.error) : undefined;
  const previewError = previewFailure?.field ?? previewFailure?.form;
  return (
    <section
      aria-label={t.markup("heading", { name: offer.name, product: (chunks) => chunks })}
      data-testid="subscribe-panel"
      className="flex min-w-0 flex-col gap-5 rounded-xl border border-line bg-surface p-4 sm:p-6"
    >
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex flex-col gap-0.5">
          <h2 className="text-base font-semibold tracking-tight text-ink">
            {t.rich("heading", {
              name: offer.name,
              product: (chunks) => <span translate="no">{chunks}</span>,
            })}
          </h2>
          <p className="text-[13px] text-ink-muted">
            {t("summary", {
              rate: offer.annualRatePercent,
              term: earn("term", { days: offer.termDays }),
              from: dayText(offer.valueDate),
              until: dayText(offer.maturityDate),
            })}
          </p>
        </div>
        <button
          type="button"
          onClick={onClose}
          className={`${buttonClasses("ghost", "sm")} ${TOUCH}`}
        >
          {t("close")}
        </button>
      </header>

      {done ? (
        <FormNotice>
          <span data-testid="subscribe-done" role="status">
            {done}
          </span>{" "}
          <Link href="#my-savings" className="font-medium text-brand hover:underline">
            {t("seeIt")}
          </Link>
        </FormNotice>
      ) : null}
      {error.form ? <FormAlert>{error.form}</FormAlert> : null}

      <form
        onSubmit={submit}
        noValidate
        className="flex flex-col gap-5"
        aria-label={t("formLabel")}
      >
        <div className="flex max-w-md flex-col gap-1.5">
          <div className="flex items-end gap-2">
            <div className="flex-1">
              <TextField
                label={t("amount", { asset: offer.asset })}
                name="amount"
                inputMode="decimal"
                autoComplete="off"
                placeholder={`${amountText(offer.minAmount)} – ${amountText(offer.maxAmount)}`}
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
              {t("max")}
            </button>
          </div>
          <p className="text-xs text-ink-muted tabular-nums" data-testid="subscribe-available">
            {balances.data
              ? t("available", { amount: amountText(available), asset: offer.asset })
              : t("availableLoading")}
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
          {subscribe.isPending ? t("subscribing") : t("confirm")}
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
  const t = useTranslations("earn.subscribe");
  const amount = useAmountText();
  const zone = useTimeZoneLabel();
  if (error) {
    return (
      <p role="alert" className="text-[13px] text-down">
        {error}
      </p>
    );
  }
  if (loading) return <PanelLoading>{t("previewLoading")}</PanelLoading>;
  if (!preview) return <p className="text-[13px] text-ink-muted">{t("previewPrompt")}</p>;
  return (
    <div className="flex flex-col gap-3" data-testid="subscribe-preview">
      <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1.5 rounded-md bg-raised px-4 py-3 text-[13px] ring-1 ring-line ring-inset">
        <dt className="text-ink-muted">{t("principal")}</dt>
        <dd className="text-right text-ink tabular-nums">
          {amount(preview.amount)} {asset}
        </dd>
        <dt className="text-ink-muted">{t("totalInterest")}</dt>
        <dd className="text-right font-medium text-up tabular-nums" data-testid="preview-interest">
          {amount(preview.interestTotal)} {asset}
        </dd>
        <dt className="text-ink-muted">{t("principalBackOn")}</dt>
        <dd className="text-right text-ink">
          <SavingsDay day={preview.maturityDate} />
        </dd>
      </dl>
      <section
        className="max-h-64 overflow-auto rounded-md ring-1 ring-line ring-inset"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
        tabIndex={0}
        aria-label={t("schedule")}
      >
        <table className="w-full text-[13px]">
          <thead className="sticky top-0 bg-surface">
            <tr className="text-left text-xs text-ink-muted">
              <th className="px-3 py-2 font-medium">#</th>
              <th className="px-3 py-2 font-medium">{t("paidOn", { zone })}</th>
              <th className="px-3 py-2 text-right font-medium">{t("interest")}</th>
              <th className="px-3 py-2 text-right font-medium">{t("principal")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {preview.plans.map((plan) => (
              <tr key={plan.seq}>
                <td className="px-3 py-1.5 text-ink-muted tabular-nums">{plan.seq}</td>
                <td className="px-3 py-1.5 whitespace-nowrap">
                  <SavingsDay day={plan.dueDate} zone={false} />
                </td>
                <td className="px-3 py-1.5 text-right tabular-nums">{amount(plan.interest)}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">
                  {plan.principal === "0" ? "—" : amount(plan.principal)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
