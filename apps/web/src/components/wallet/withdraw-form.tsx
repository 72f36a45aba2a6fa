"use client";

import { add, formatDecimal, parseDecimal, trimZeros } from "@exchange/contracts/money";
import type { Withdrawal } from "@exchange/contracts/wallet";
import { buttonClasses, FormAlert, FormNotice, Spinner, TextField } from "@exchange/ui";
import { useErrorText } from "@exchange/ui/i18n";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useId, useRef, useState } from "react";
import { RestrictionNotice, useRestrictionRefusal } from "@/components/account/restriction-notice";
import { useTRPC } from "@/trpc/react";
import { useAmountText } from "./amount-text";
import { PanelError, PanelLoading, TOUCH } from "./panel-states";
import { withdrawAmountProblem } from "./withdraw-checks";

type Errors = Partial<
  Record<"asset" | "address" | "amount" | "code" | "password" | "label" | "form", string>
>;

const FIELDS = ["asset", "network", "address", "amount", "code", "password"] as const;

/** `a + b` of two decimal strings, or undefined when either is not a number yet. */
function sum(a: string, b: string): string | undefined {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  return x && y ? trimZeros(formatDecimal(add(x, y))) : undefined;
}

/**
 * The Withdraw form: asset, destination (typed, or picked from the address book, and saved to it
 * on request), amount with "Max", the network fee and what leaves the balance shown before
 * confirming, the 24-hour limit left, and the second factor (a two-factor code, or the password
 * where two-factor is off). One submission is one withdrawal: its key is kept until it succeeds,
 * so a retry or a double click cannot send twice.
 */
export function WithdrawForm({ initialAsset }: { initialAsset?: string }) {
  const t = useTranslations("wallet.withdraw");
  const status = useTranslations("wallet.withdrawalStatus");
  const locale = useLocale();
  const errorText = useErrorText();
  const amountText = useAmountText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const noteRefusal = useRestrictionRefusal();
  const limits = useQuery(trpc.wallet.withdrawals.limits.queryOptions());
  const options = limits.data?.options ?? [];
  const [asset, setAsset] = useState(initialAsset?.toUpperCase() ?? "");
  const chosen = options.find((o) => o.asset === asset) ?? options[0];
  const network = chosen?.network ?? "";
  const quote = useQuery({
    ...trpc.wallet.withdrawals.quote.queryOptions({ asset: chosen?.asset ?? "", network }),
    enabled: Boolean(chosen),
    refetchInterval: 15_000,
  });
  const book = useQuery(trpc.wallet.withdrawals.addresses.list.queryOptions({}));
  const request = useMutation(trpc.wallet.withdrawals.request.mutationOptions());
  const save = useMutation(trpc.wallet.withdrawals.addresses.add.mutationOptions());

  const [address, setAddress] = useState("");
  const [amount, setAmount] = useState("");
  const [secret, setSecret] = useState("");
  const [saveToBook, setSaveToBook] = useState(false);
  const [label, setLabel] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [done, setDone] = useState<Withdrawal>();
  const requestKey = useRef<string>(crypto.randomUUID());
  const pickerId = useId();

  if (limits.isPending) return <PanelLoading>{t("loading")}</PanelLoading>;
  if (limits.isError) {
    return <PanelError error={limits.error} onRetry={() => void limits.refetch()} />;
  }
  if (!limits.data.canWithdraw) {
    return (
      <FormNotice>
        {t("verifyFirst")}{" "}
        <Link href="/account/verification" className="font-medium text-brand hover:underline">
          {t("startVerification")}
        </Link>
      </FormNotice>
    );
  }
  if (!chosen) return <FormAlert>{t("unavailable")}</FormAlert>;

  const twoFactorOn = limits.data.twoFactorOn;
  const fee = quote.data?.fee;
  const total = fee && amount ? sum(amount, fee) : undefined;
  const saved = (book.data ?? []).filter((a) => a.network === network);

  /** A field's message from the server: its own sentence in English, the catalog's otherwise. */
  function serverFieldText(field: keyof Errors, message: string): string {
    if (locale === "en") return message;
    return field === "form" ? message : t(`fieldProblem.${field}`);
  }

  function edit() {
    setDone(undefined);
    setErrors({});
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (request.isPending || !chosen) return;
    const missing: Errors = {};
    if (!address.trim()) missing.address = t("required.address");
    if (!amount.trim()) missing.amount = t("required.amount");
    else if (quote.data) {
      const problem = withdrawAmountProblem(amount, quote.data);
      if (problem) {
        missing.amount = t(`amountProblem.${problem}`, {
          asset: chosen.asset,
          decimals: quote.data.precision,
          minimum: amountText(quote.data.minWithdrawal),
          max: amountText(quote.data.maxAmount),
        });
      }
    }
    if (!secret) {
      if (twoFactorOn) missing.code = t("required.code");
      else missing.password = t("required.password");
    }
    if (saveToBook && !label.trim()) missing.label = t("required.label");
    if (Object.keys(missing).length > 0) return setErrors(missing);
    setErrors({});
    try {
      const withdrawal = await request.mutateAsync({
        asset: chosen.asset,
        network,
        address: address.trim(),
        amount: amount.trim(),
        requestKey: requestKey.current,
        ...(twoFactorOn ? { code: secret } : { password: secret }),
      });
      requestKey.current = crypto.randomUUID();
      setDone(withdrawal);
      setAmount("");
      setSecret("");
      if (saveToBook) {
        await save
          .mutateAsync({ network, address: withdrawal.address, label: label.trim() })
          .catch(() => undefined);
        setSaveToBook(false);
        setLabel("");
      }
      for (const filter of [
        trpc.wallet.withdrawals.list.pathFilter(),
        trpc.wallet.withdrawals.limits.pathFilter(),
        trpc.wallet.withdrawals.quote.pathFilter(),
        trpc.wallet.withdrawals.addresses.list.pathFilter(),
        trpc.trading.balances.pathFilter(),
      ]) {
        void queryClient.invalidateQueries(filter);
      }
    } catch (failure) {
      const data = (
        failure as { data?: { fieldErrors?: Record<string, string[]>; appCode?: string } }
      ).data;
      noteRefusal(data?.appCode);
      const fields = data?.fieldErrors ?? {};
      const next: Errors = {};
      for (const field of FIELDS) {
        const message = fields[field]?.[0];
        const shown = field === "network" ? "asset" : field;
        if (message) next[shown] = serverFieldText(shown, message);
      }
      if (Object.keys(next).length === 0) {
        next.form = errorText(failure as Parameters<typeof errorText>[0]);
      }
      setErrors(next);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-5" aria-label={t("formLabel")}>
      <RestrictionNotice area="withdrawals" />
      {done ? (
        <FormNotice>
          <span data-testid="withdraw-done" role="status">
            {t("done", {
              amount: amountText(done.amount),
              asset: done.asset,
              status: status(done.status).toLowerCase(),
            })}
          </span>
        </FormNotice>
      ) : null}
      {errors.form ? <FormAlert>{errors.form}</FormAlert> : null}

      <div className="grid gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-1.5">
          <label htmlFor={`${pickerId}-asset`} className="text-[13px] font-medium text-ink-muted">
            {t("asset")}
          </label>
          <select
            id={`${pickerId}-asset`}
            name="asset"
            value={chosen.asset}
            onChange={(e) => {
              setAsset(e.target.value);
              setAmount("");
              edit();
            }}
            className="h-10 rounded-md bg-canvas px-3 text-sm text-ink ring-1 ring-line-strong ring-inset outline-none focus:ring-2 focus:ring-brand"
          >
            {options.map((o) => (
              <option key={`${o.network}/${o.asset}`} value={o.asset}>
                {o.asset}
              </option>
            ))}
          </select>
          {errors.asset ? <p className="text-[13px] text-down">{errors.asset}</p> : null}
        </div>
        <div className="flex flex-col gap-1.5">
          <span className="text-[13px] font-medium text-ink-muted">{t("network")}</span>
          <span
            data-testid="withdraw-network"
            className="flex h-10 items-center rounded-md bg-raised px-3 text-sm text-ink ring-1 ring-line ring-inset"
          >
            {network}
          </span>
        </div>
      </div>

      <div className="flex flex-col gap-2">
        <TextField
          label={t("address")}
          name="address"
          autoComplete="off"
          spellCheck={false}
          placeholder="0x…"
          className="font-mono"
          value={address}
          onChange={(e) => {
            setAddress(e.target.value);
            edit();
          }}
          errors={errors.address ? [errors.address] : undefined}
          hint={t("addressHint")}
        />
        {saved.length > 0 ? (
          <div className="flex flex-wrap items-center gap-2">
            <label htmlFor={`${pickerId}-book`} className="text-xs text-ink-muted">
              {t("addressBook")}
            </label>
            <select
              id={`${pickerId}-book`}
              value=""
              onChange={(e) => {
                if (e.target.value) setAddress(e.target.value);
                edit();
              }}
              className="h-10 max-w-full sm:h-8 min-w-0 flex-1 truncate rounded-md bg-canvas px-2 text-[13px] text-ink ring-1 ring-line-strong ring-inset sm:flex-none"
            >
              <option value="">{t("pickSaved")}</option>
              {saved.map((a) => (
                <option key={a.id} value={a.address}>
                  {a.label} · {a.address.slice(0, 8)}…{a.address.slice(-6)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <label className="flex min-h-10 items-center gap-2 self-start text-[13px] text-ink-muted sm:min-h-0">
          <input
            type="checkbox"
            checked={saveToBook}
            onChange={(e) => setSaveToBook(e.target.checked)}
            className="size-4 accent-brand"
          />
          {t("saveToBook")}
        </label>
        {saveToBook ? (
          <TextField
            label={t("label")}
            name="label"
            maxLength={40}
            placeholder={t("labelPlaceholder")}
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            errors={errors.label ? [errors.label] : undefined}
          />
        ) : null}
      </div>

      <div className="flex flex-col gap-1.5">
        <div className="flex items-end gap-2">
          <div className="flex-1">
            <TextField
              label={t("amount", { asset: chosen.asset })}
              name="amount"
              inputMode="decimal"
              autoComplete="off"
              placeholder={
                quote.data
                  ? t("atLeast", { minimum: amountText(quote.data.minWithdrawal) })
                  : "0.00"
              }
              className="tabular-nums"
              value={amount}
              onChange={(e) => {
                setAmount(e.target.value);
                edit();
              }}
              errors={errors.amount ? [errors.amount] : undefined}
            />
          </div>
          <button
            type="button"
            disabled={!quote.data || quote.data.maxAmount === "0"}
            onClick={() => {
              if (quote.data) setAmount(quote.data.maxAmount);
              edit();
            }}
            className={`${buttonClasses("secondary", "md")} ${errors.amount ? "mb-6" : ""}`}
          >
            {t("max")}
          </button>
        </div>
        <p className="text-xs text-ink-muted tabular-nums">
          {quote.data
            ? t("available", { amount: amountText(quote.data.available), asset: chosen.asset })
            : t("availableLoading")}
        </p>
        {quote.data && quote.data.maxAmount === "0" ? (
          <p className="text-xs text-ink-muted" data-testid="withdraw-fund-hint">
            {t("nothingToWithdraw", { asset: chosen.asset })}{" "}
            <Link
              href={`/wallet/deposit?asset=${chosen.asset}`}
              className="font-medium text-brand hover:underline"
            >
              {t("depositAsset", { asset: chosen.asset })}
            </Link>
          </p>
        ) : null}
      </div>

      <dl
        data-testid="withdraw-summary"
        className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-2 rounded-md bg-raised px-4 py-3 text-[13px] ring-1 ring-line ring-inset"
      >
        <dt className="text-ink-muted">{t("fee")}</dt>
        <dd className="text-right text-ink tabular-nums" data-testid="withdraw-fee">
          {quote.isError ? (
            <span className="inline-flex flex-wrap items-center justify-end gap-2 text-down">
              {errorText(quote.error)}
              <button
                type="button"
                onClick={() => void quote.refetch()}
                className={`${buttonClasses("secondary", "sm")} ${TOUCH}`}
              >
                {t("retry")}
              </button>
            </span>
          ) : fee ? (
            `${amountText(fee)} ${chosen.asset}`
          ) : (
            <>
              <span aria-hidden="true">…</span>
              <span className="sr-only">{t("feeLoading")}</span>
            </>
          )}
        </dd>
        <dt className="text-ink-muted">{t("receive")}</dt>
        <dd className="text-right text-ink tabular-nums" data-testid="withdraw-receive">
          {amount && parseDecimal(amount) ? `${amountText(amount.trim())} ${chosen.asset}` : "—"}
        </dd>
        <dt className="text-ink-muted">{t("total")}</dt>
        <dd className="text-right font-medium text-ink tabular-nums" data-testid="withdraw-total">
          {total ? `${amountText(total)} ${chosen.asset}` : "—"}
        </dd>
        <dt className="text-ink-muted">{t("limitLeft")}</dt>
        <dd className="text-right text-ink tabular-nums" data-testid="withdraw-limit-left">
          {t("limitOf", {
            left: amountText(limits.data.remainingToday),
            limit: amountText(limits.data.dailyLimit),
            asset: limits.data.limitAsset,
          })}
        </dd>
      </dl>

      {twoFactorOn ? (
        <TextField
          label={t("code")}
          name="code"
          autoComplete="one-time-code"
          inputMode="numeric"
          placeholder="123456"
          maxLength={20}
          className="max-w-48 font-mono tracking-[0.3em]"
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
          errors={errors.code ? [errors.code] : undefined}
          hint={t("codeHint")}
        />
      ) : (
        <TextField
          label={t("password")}
          name="password"
          type="password"
          autoComplete="current-password"
          className="max-w-72"
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
          errors={errors.password ? [errors.password] : undefined}
          hint={t("passwordHint")}
        />
      )}

      <button
        type="submit"
        disabled={request.isPending}
        className={`${buttonClasses("primary", "md")} w-full sm:w-auto sm:self-start`}
      >
        {request.isPending ? <Spinner /> : null}
        {request.isPending ? t("sending") : t("submit")}
      </button>
    </form>
  );
}
