"use client";

import { add, formatDecimal, parseDecimal, trimZeros } from "@exchange/contracts/money";
import type { Withdrawal } from "@exchange/contracts/wallet";
import { buttonClasses, FormAlert, FormNotice, Spinner, TextField } from "@exchange/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useId, useRef, useState } from "react";
import { useTRPC } from "@/trpc/react";
import { WITHDRAWAL_STATUS_LABELS } from "./withdrawal-status";

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
  const trpc = useTRPC();
  const queryClient = useQueryClient();
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

  if (limits.isPending) {
    return (
      <p className="flex items-center gap-2 text-[13px] text-ink-muted">
        <Spinner /> Loading…
      </p>
    );
  }
  if (limits.isError) return <FormAlert>{limits.error.message}</FormAlert>;
  if (!limits.data.canWithdraw) {
    return (
      <FormNotice>
        Verify your identity to withdraw.{" "}
        <Link href="/account/verification" className="font-medium text-brand hover:underline">
          Start verification
        </Link>
      </FormNotice>
    );
  }
  if (!chosen) return <FormAlert>Withdrawals are not available right now.</FormAlert>;

  const twoFactorOn = limits.data.twoFactorOn;
  const fee = quote.data?.fee;
  const total = fee && amount ? sum(amount, fee) : undefined;
  const saved = (book.data ?? []).filter((a) => a.network === network);

  function edit() {
    setDone(undefined);
    setErrors({});
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (request.isPending || !chosen) return;
    const missing: Errors = {};
    if (!address.trim()) missing.address = "Enter the address to send to.";
    if (!amount.trim()) missing.amount = "Enter an amount.";
    if (!secret) {
      if (twoFactorOn) missing.code = "Enter the 6-digit code from your authenticator app.";
      else missing.password = "Enter your password to confirm the withdrawal.";
    }
    if (saveToBook && !label.trim()) missing.label = "Give the address a label.";
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
      const data = (failure as { data?: { fieldErrors?: Record<string, string[]> } }).data;
      const fields = data?.fieldErrors ?? {};
      const next: Errors = {};
      for (const field of FIELDS) {
        const message = fields[field]?.[0];
        if (message) next[field === "network" ? "asset" : field] = message;
      }
      if (Object.keys(next).length === 0) next.form = (failure as Error).message;
      setErrors(next);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-5" aria-label="Withdraw">
      {done ? (
        <FormNotice>
          <span data-testid="withdraw-done">
            Withdrawal of {done.amount} {done.asset} requested:{" "}
            {WITHDRAWAL_STATUS_LABELS[done.status].toLowerCase()}.
          </span>
        </FormNotice>
      ) : null}
      {errors.form ? <FormAlert>{errors.form}</FormAlert> : null}

      <div className="grid gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-1.5">
          <label htmlFor={`${pickerId}-asset`} className="text-[13px] font-medium text-ink-muted">
            Asset
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
          <span className="text-[13px] font-medium text-ink-muted">Network</span>
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
          label="Address"
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
          hint="Check it on the receiving wallet: a withdrawal on chain cannot be undone."
        />
        {saved.length > 0 ? (
          <div className="flex flex-wrap items-center gap-2">
            <label htmlFor={`${pickerId}-book`} className="text-xs text-ink-faint">
              Address book
            </label>
            <select
              id={`${pickerId}-book`}
              value=""
              onChange={(e) => {
                if (e.target.value) setAddress(e.target.value);
                edit();
              }}
              className="h-8 max-w-full min-w-0 flex-1 truncate rounded-md bg-canvas px-2 text-[13px] text-ink ring-1 ring-line-strong ring-inset sm:flex-none"
            >
              <option value="">Pick a saved address…</option>
              {saved.map((a) => (
                <option key={a.id} value={a.address}>
                  {a.label} · {a.address.slice(0, 8)}…{a.address.slice(-6)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <label className="flex items-center gap-2 text-[13px] text-ink-muted">
          <input
            type="checkbox"
            checked={saveToBook}
            onChange={(e) => setSaveToBook(e.target.checked)}
            className="size-4 accent-brand"
          />
          Save to address book
        </label>
        {saveToBook ? (
          <TextField
            label="Label"
            name="label"
            maxLength={40}
            placeholder="My hardware wallet"
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
              label={`Amount (${chosen.asset})`}
              name="amount"
              inputMode="decimal"
              autoComplete="off"
              placeholder={quote.data ? `At least ${quote.data.minWithdrawal}` : "0.00"}
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
            Max
          </button>
        </div>
        <p className="text-xs text-ink-faint tabular-nums">
          Available: {quote.data ? `${quote.data.available} ${chosen.asset}` : "…"}
        </p>
      </div>

      <dl
        data-testid="withdraw-summary"
        className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-2 rounded-md bg-raised px-4 py-3 text-[13px] ring-1 ring-line ring-inset"
      >
        <dt className="text-ink-muted">Network fee</dt>
        <dd className="text-right text-ink tabular-nums" data-testid="withdraw-fee">
          {quote.isError ? (
            <span className="text-down">{quote.error.message}</span>
          ) : fee ? (
            `${fee} ${chosen.asset}`
          ) : (
            "…"
          )}
        </dd>
        <dt className="text-ink-muted">Arrives at the address</dt>
        <dd className="text-right text-ink tabular-nums" data-testid="withdraw-receive">
          {amount && parseDecimal(amount) ? `${amount} ${chosen.asset}` : "—"}
        </dd>
        <dt className="text-ink-muted">Taken from your balance</dt>
        <dd className="text-right font-medium text-ink tabular-nums" data-testid="withdraw-total">
          {total ? `${total} ${chosen.asset}` : "—"}
        </dd>
        <dt className="text-ink-muted">24-hour limit left</dt>
        <dd className="text-right text-ink tabular-nums" data-testid="withdraw-limit-left">
          {limits.data.remainingToday} of {limits.data.dailyLimit} {limits.data.limitAsset}
        </dd>
      </dl>

      {twoFactorOn ? (
        <TextField
          label="Two-factor code"
          name="code"
          autoComplete="one-time-code"
          inputMode="numeric"
          placeholder="123456"
          maxLength={20}
          className="max-w-48 font-mono tracking-[0.3em]"
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
          errors={errors.code ? [errors.code] : undefined}
          hint="From your authenticator app, or a recovery code."
        />
      ) : (
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          className="max-w-72"
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
          errors={errors.password ? [errors.password] : undefined}
          hint="Your account has no two-factor authentication: confirm with your password."
        />
      )}

      <button
        type="submit"
        disabled={request.isPending}
        className={`${buttonClasses("primary", "md")} w-full sm:w-auto sm:self-start`}
      >
        {request.isPending ? <Spinner /> : null}
        {request.isPending ? "Sending…" : "Withdraw"}
      </button>
    </form>
  );
}
