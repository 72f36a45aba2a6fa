"use client";

import { decimal, formatRate, toFixedDown, trimZeros } from "@exchange/contracts/money";
import { buttonClasses, FormAlert, Spinner, useHydrated, useToast } from "@exchange/ui";
import { useErrorText } from "@exchange/ui/i18n";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { RestrictionNotice, useRestrictionRefusal } from "@/components/account/restriction-notice";
import { marketHref } from "@/components/trade/market-href";
import {
  AmountField,
  CHECKBOX,
  errorDataOf,
  type Field,
  type FieldErrors,
  FieldMessage,
  fieldErrorsOf,
  newClientOrderId,
  notTradingKey,
  orderOutcome,
  orderSummary,
  Row,
} from "@/components/trade/order-form";
import { higherRate, normalised, positiveOrNull } from "@/components/trade/order-math";
import { Panel } from "@/components/trade/panel";
import { useTrade } from "@/components/trade/trade-context";
import { applyOrder, usePrivatePollMs } from "@/components/trade/use-account-live";
import { useTicker } from "@/components/trade/use-market-data";
import { useTRPC } from "@/trpc/react";
import { useFutures, useFuturesAccount } from "./futures-context";
import { amountText, type FuturesSide, orderCost } from "./futures-math";
import { TransferButton } from "./transfer-dialog";

/**
 * The spot form's kinds but OCO (not offered on perpetuals). A stop-limit or take-profit order
 * waits for the contract's last trade price to reach its stop price, then works as a limit
 * order; reduce-only, it is IOC or FOK and closes at most the position it finds then.
 */
type OrderType = "limit" | "market" | "stopLimit" | "takeProfitLimit";
const ORDER_TYPES: readonly OrderType[] = ["limit", "market", "stopLimit", "takeProfitLimit"];
const isStop = (type: OrderType) => type === "stopLimit" || type === "takeProfitLimit";
type TimeInForce = "GTC" | "IOC" | "FOK";

/** The engine's refusals particular to perpetuals (packages/core reject-code.ts). */
const PERP_REJECT = { ReduceOnlyWouldIncrease: 902, InsufficientMargin: 905 } as const;

/** Opens and closes positions in a perpetual; logged-out visitors get a prompt to log in. */
export function FuturesOrderForm() {
  const { loggedIn, market, format } = useTrade();
  const t = useTranslations("trade.form");
  const tf = useTranslations("futures.form");
  return (
    <Panel area="form" testId="order-form" className={loggedIn ? "min-h-[30rem]" : ""}>
      {loggedIn ? (
        <PlaceFuturesOrder key={market.symbol} />
      ) : (
        <div className="flex flex-1 flex-col items-center justify-center gap-4 px-6 py-8 text-center">
          <p className="text-sm font-medium text-ink">
            {tf("loggedOutTitle", { pair: format.pair })}
          </p>
          <p className="max-w-60 text-xs text-ink-muted">{tf("loggedOutText")}</p>
          <div className="flex gap-2">
            <Link
              href={`/login?next=${encodeURIComponent(marketHref(market.symbol))}`}
              className={`${buttonClasses("primary", "sm")} max-md:h-10`}
            >
              {t("logIn")}
            </Link>
            <Link href="/register" className={`${buttonClasses("secondary", "sm")} max-md:h-10`}>
              {t("signUp")}
            </Link>
          </div>
        </div>
      )}
    </Panel>
  );
}

function PlaceFuturesOrder() {
  const { market, format, picked } = useTrade();
  const { contract, mark } = useFutures();
  const t = useTranslations("trade");
  const tf = useTranslations("futures.form");
  const locale = useLocale();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const noteRefusal = useRestrictionRefusal();
  const hydrated = useHydrated();
  const account = useFuturesAccount(true);
  const openOrders = useQuery({
    ...trpc.trading.openOrders.queryOptions({ symbol: market.symbol, limit: 200 }),
    refetchInterval: usePrivatePollMs(),
  });
  const last = useTicker(market.symbol).data?.last ?? null;

  const [side, setSide] = useState<FuturesSide>("buy");
  const [type, setType] = useState<OrderType>("limit");
  const [price, setPrice] = useState("");
  const [stopPrice, setStopPrice] = useState("");
  const [quantity, setQuantity] = useState("");
  const [timeInForce, setTimeInForce] = useState<TimeInForce>("GTC");
  const [postOnly, setPostOnly] = useState(false);
  const [reduceOnly, setReduceOnly] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const unconfirmed = useRef<{ fingerprint: string; clientOrderId: string } | null>(null);
  const place = useMutation(trpc.trading.placeOrder.mutationOptions());

  const position = account.data?.positions.find((p) => p.symbol === market.symbol);
  const settle = contract?.settleAsset ?? market.quoteAsset;
  const wallet = account.data?.wallets.find((w) => w.asset === settle)?.balance ?? null;
  const leverage = position?.leverage ?? Math.min(20, contract?.maxLeverage ?? 20);

  useEffect(() => {
    if (!picked) return;
    setType((current) => (current === "market" ? "limit" : current));
    setPrice(picked.price);
    setErrors(({ price: _stale, _: _form, ...rest }) => rest);
  }, [picked]);

  // Start with the last price, or the mark before the contract's first trade.
  const opening = last ?? mark.markPrice;
  const seeded = useRef(false);
  useEffect(() => {
    if (seeded.current || !opening) return;
    seeded.current = true;
    const text = trimZeros(toFixedDown(opening, format.priceDecimals));
    setPrice((current) => current || text);
  }, [opening, format.priceDecimals]);

  // Reduce-only rests on no book: a limit (or stop) must be IOC or FOK, and cannot be post-only.
  const effectiveTif: TimeInForce =
    reduceOnly && type !== "market" && timeInForce === "GTC" ? "IOC" : timeInForce;

  const markValue = mark.markPrice ? decimal(mark.markPrice) : null;
  const priceValue =
    type !== "market" ? positiveOrNull(price) : (markValue ?? (last ? decimal(last) : null));
  const quantityValue = positiveOrNull(quantity);
  const feeRate =
    type === "market"
      ? market.takerFeeRate
      : postOnly && type === "limit"
        ? market.makerFeeRate
        : higherRate(market.makerFeeRate, market.takerFeeRate);
  const cost =
    priceValue && quantityValue && !reduceOnly
      ? orderCost({
          side,
          price: priceValue,
          quantity: quantityValue,
          leverage,
          feeRate,
          markPrice: markValue,
          precision: market.quotePrecision,
        })
      : null;

  function clearError(...fields: Field[]) {
    setErrors((current) => {
      const next = { ...current };
      for (const field of [...fields, "_" as const]) delete next[field];
      return next;
    });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (place.isPending) return;
    const problems: FieldErrors = {};
    const need = (field: Field, text: string): string | undefined => {
      const plain = normalised(text);
      if (!text.trim()) problems[field] = [t("form.required")];
      else if (plain === null) problems[field] = [t("form.notANumber")];
      else if (!positiveOrNull(plain)) problems[field] = [t("form.notPositive")];
      return plain ?? undefined;
    };
    const base = { symbol: market.symbol, side, quantity: need("quantity", quantity) };
    const input =
      type === "limit"
        ? {
            ...base,
            type,
            price: need("price", price),
            timeInForce: postOnly ? ("GTC" as const) : effectiveTif,
            postOnly: postOnly && !reduceOnly,
            reduceOnly,
          }
        : type === "market"
          ? { ...base, type, reduceOnly }
          : {
              ...base,
              type,
              stopPrice: need("stopPrice", stopPrice),
              price: need("price", price),
              timeInForce: effectiveTif,
              reduceOnly,
            };
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      return;
    }
    setErrors({});
    const fingerprint = JSON.stringify(input);
    const clientOrderId =
      unconfirmed.current?.fingerprint === fingerprint
        ? unconfirmed.current.clientOrderId
        : newClientOrderId();
    unconfirmed.current = { fingerprint, clientOrderId };
    place.mutate(
      { ...input, clientOrderId },
      {
        onSuccess: ({ order, fills }) => {
          unconfirmed.current = null;
          applyOrder(queryClient, trpc, order);
          void queryClient.invalidateQueries(trpc.futures.account.pathFilter());
          void queryClient.invalidateQueries(trpc.futures.positionHistory.pathFilter());
          setQuantity("");
          toast({
            tone: order.status === "CANCELLED" && order.filledQuantity === "0" ? "info" : "success",
            title: orderOutcome(order, t),
            description: orderSummary(order, fills.length, format, t),
          });
        },
        onError: (error) => {
          const data = errorDataOf(error);
          if (data?.appCode !== "ENGINE_UNAVAILABLE" && data !== undefined) {
            unconfirmed.current = null;
          }
          noteRefusal(data?.appCode);
          if (data?.rejectCode === PERP_REJECT.InsufficientMargin) {
            setErrors({ quantity: [tf("insufficientMargin", { asset: settle })] });
          } else if (data?.rejectCode === PERP_REJECT.ReduceOnlyWouldIncrease) {
            setErrors({ _: [tf("reduceOnlyWouldIncrease")] });
          } else {
            setErrors(
              fieldErrorsOf(error, data, {
                byTotal: false,
                t,
                market,
                english: locale === "en",
                errorText,
              }),
            );
          }
        },
      },
    );
  }

  const tradable = market.status === "TRADING";
  const sideTone =
    side === "buy" ? "bg-up-fill hover:bg-up-fill/90" : "bg-down-fill hover:bg-down-fill/90";
  const hasOrders = (openOrders.data?.items.length ?? 0) > 0;

  return (
    <form
      onSubmit={submit}
      noValidate
      className="flex flex-1 flex-col gap-3 p-3"
      aria-label={tf("title")}
    >
      <div className="flex items-start gap-2">
        <MarginModeSwitch
          mode={position?.mode ?? "cross"}
          locked={(position !== undefined && position.side !== "flat") || hasOrders}
        />
        <LeveragePicker current={leverage} max={contract?.maxLeverage ?? leverage} />
      </div>

      <fieldset
        aria-label={t("form.side")}
        className="min-w-0 grid grid-cols-2 gap-1 rounded-md bg-canvas p-0.5"
      >
        {(["buy", "sell"] as const).map((option) => (
          <button
            key={option}
            type="button"
            aria-pressed={side === option}
            onClick={() => {
              setSide(option);
              clearError("quantity");
            }}
            className={`h-8 rounded text-[13px] font-semibold transition-colors max-md:h-10 ${
              side === option
                ? option === "buy"
                  ? "bg-up-fill text-white"
                  : "bg-down-fill text-white"
                : "text-ink-muted hover:text-ink"
            }`}
          >
            {tf(`side.${option}`)}
          </button>
        ))}
      </fieldset>

      <fieldset
        aria-label={t("form.orderType")}
        className="min-w-0 flex flex-wrap items-center gap-x-0.5 gap-y-1 text-xs max-md:text-[13px]"
      >
        {ORDER_TYPES.map((option) => (
          <button
            key={option}
            type="button"
            aria-pressed={type === option}
            onClick={() => {
              setType(option);
              setErrors({});
            }}
            className={`h-7 rounded px-1 font-medium whitespace-nowrap max-md:h-10 max-md:px-1.5 ${
              type === option
                ? "text-ink underline decoration-brand decoration-2 underline-offset-4"
                : "text-ink-faint hover:text-ink-muted"
            }`}
          >
            {t(`form.${option}`)}
          </button>
        ))}
      </fieldset>
      <p className="-mt-1 flex items-center justify-end gap-2 text-xs text-ink-faint tabular-nums">
        <span>
          {tf("wallet")}{" "}
          <span data-testid="futures-wallet" className="text-ink-muted">
            {account.isPending ? "…" : `${amountText(decimal(wallet ?? "0"))} ${settle}`}
          </span>
        </span>
        <TransferButton asset={settle} />
      </p>

      <RestrictionNotice area="trading" />
      {errors._ ? <FormAlert>{errors._.join(" ")}</FormAlert> : null}

      {isStop(type) ? (
        <>
          <p data-testid="trigger-hint" className="text-xs text-ink-muted">
            {t(`form.trigger.${type}_${side}`)}
            {last ? (
              <span className="ml-1 text-ink-faint tabular-nums">
                ({t("form.lastPrice", { price: format.price(last) })})
              </span>
            ) : null}
          </p>
          <AmountField
            label={t("form.stopPrice")}
            unit={market.quoteAsset}
            value={stopPrice}
            onChange={(text) => {
              setStopPrice(text);
              clearError("stopPrice");
            }}
            errors={errors.stopPrice}
          />
        </>
      ) : null}
      {type !== "market" ? (
        <AmountField
          label={t("form.price")}
          unit={market.quoteAsset}
          value={price}
          onChange={(text) => {
            setPrice(text);
            clearError("price");
          }}
          errors={errors.price}
        />
      ) : (
        <div className="flex h-9 items-center justify-between rounded-md bg-canvas/60 px-3 text-[13px] text-ink-faint ring-1 ring-line ring-inset max-md:h-11">
          <span>{t("form.price")}</span>
          <span>{t("form.bestPrice")}</span>
        </div>
      )}
      <AmountField
        label={t("form.amount")}
        unit={market.baseAsset}
        value={quantity}
        onChange={(text) => {
          setQuantity(text);
          clearError("quantity");
        }}
        errors={errors.quantity}
      />

      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-xs text-ink-muted">
        <label className="flex items-center gap-1.5 max-md:min-h-10">
          <input
            type="checkbox"
            checked={reduceOnly}
            onChange={(event) => {
              setReduceOnly(event.target.checked);
              if (event.target.checked) setPostOnly(false);
              clearError("timeInForce", "postOnly");
            }}
            className={CHECKBOX}
          />
          {tf("reduceOnly")}
        </label>
        {type !== "market" ? (
          <>
            {type === "limit" ? (
              <label className="flex items-center gap-1.5 max-md:min-h-10">
                <input
                  type="checkbox"
                  checked={postOnly}
                  disabled={reduceOnly}
                  onChange={(event) => {
                    setPostOnly(event.target.checked);
                    clearError("timeInForce", "postOnly");
                  }}
                  className={CHECKBOX}
                />
                {t("form.postOnly")}
              </label>
            ) : null}
            <label className="ml-auto flex items-center gap-1.5">
              {t("form.timeInForce")}
              <select
                value={effectiveTif}
                disabled={postOnly && type === "limit"}
                onChange={(event) => {
                  setTimeInForce(event.target.value as TimeInForce);
                  clearError("timeInForce", "postOnly");
                }}
                className="h-6 rounded bg-canvas px-1.5 text-xs text-ink ring-1 ring-line-strong ring-inset outline-none focus:ring-2 focus:ring-brand disabled:opacity-60 max-md:h-10"
              >
                {(reduceOnly ? (["IOC", "FOK"] as const) : (["GTC", "IOC", "FOK"] as const)).map(
                  (tif) => (
                    <option key={tif} value={tif}>
                      {tif}
                    </option>
                  ),
                )}
              </select>
            </label>
          </>
        ) : null}
      </div>
      {reduceOnly && type !== "market" ? (
        <p className="-mt-1 text-xs text-ink-faint">{tf("reduceOnlyHint")}</p>
      ) : null}
      <FieldMessage errors={errors.postOnly ?? errors.timeInForce} />

      <dl className="flex flex-col gap-1 border-t border-line pt-2 text-xs">
        <Row label={tf("margin", { leverage })}>
          <span data-testid="order-margin">
            {cost ? `${amountText(cost.initialMargin)} ${settle}` : "—"}
          </span>
        </Row>
        <Row label={tf("fee", { rate: formatRate(feeRate) })}>
          <span data-testid="order-fee">{cost ? `${amountText(cost.fee)} ${settle}` : "—"}</span>
        </Row>
        {cost && cost.openingLoss.units > 0n ? (
          <Row label={tf("openingLoss")}>
            {amountText(cost.openingLoss)} {settle}
          </Row>
        ) : null}
        <Row label={tf("cost")}>
          <span data-testid="order-cost" className="font-medium text-ink">
            {reduceOnly ? tf("reduceOnlyCost") : cost ? `${amountText(cost.total)} ${settle}` : "—"}
          </span>
        </Row>
      </dl>

      {tradable ? null : (
        <p
          role="status"
          data-testid="market-closed-note"
          className="rounded-md bg-warn/10 px-3 py-2 text-[13px] text-warn ring-1 ring-inset ring-warn/25"
        >
          {t(`form.notTrading.${notTradingKey(market.status)}`, { pair: format.pair })}
        </p>
      )}
      <button
        type="submit"
        disabled={!hydrated || place.isPending || !tradable}
        aria-busy={place.isPending}
        className={`mt-auto inline-flex h-10 w-full items-center justify-center gap-2 rounded-md text-sm font-semibold text-white transition-colors disabled:cursor-not-allowed disabled:opacity-60 ${sideTone}`}
      >
        {place.isPending ? <Spinner /> : null}
        {!tradable ? t("form.paused") : tf(`submit.${side}`, { asset: market.baseAsset, leverage })}
      </button>
    </form>
  );
}

/** Cross or isolated margin; the engine takes a change only while flat with no open order. */
function MarginModeSwitch({ mode, locked }: { mode: "cross" | "isolated"; locked: boolean }) {
  const { market } = useTrade();
  const tf = useTranslations("futures.form");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const change = useMutation(trpc.futures.setMarginMode.mutationOptions());
  const [refusal, setRefusal] = useState<string | null>(null);
  // Once flat with no order, the refusal no longer holds.
  useEffect(() => {
    if (!locked) setRefusal(null);
  }, [locked]);
  const choose = (next: "cross" | "isolated") => {
    if (next === mode || change.isPending) return;
    setRefusal(null);
    change.mutate(
      { symbol: market.symbol, mode: next, requestId: crypto.randomUUID() },
      {
        onSuccess: () => {
          void queryClient.invalidateQueries(trpc.futures.account.pathFilter());
          toast({ tone: "success", title: tf("modeChanged", { mode: tf(`mode.${next}`) }) });
        },
        // The engine's one refusal here: a position or an order in the contract.
        onError: (error) =>
          setRefusal(errorDataOf(error)?.appCode === "INVALID_INPUT" ? tf("modeLocked") : null),
      },
    );
  };
  return (
    <div className="flex min-w-0 flex-1 flex-col gap-1">
      <fieldset
        aria-label={tf("marginMode")}
        data-testid="margin-mode"
        title={locked ? tf("modeLocked") : undefined}
        className="grid grid-cols-2 gap-1 rounded-md bg-canvas p-0.5"
      >
        {(["cross", "isolated"] as const).map((option) => (
          <button
            key={option}
            type="button"
            aria-pressed={mode === option}
            onClick={() => choose(option)}
            className={`h-7 rounded text-xs font-medium max-md:h-10 ${
              mode === option ? "bg-raised text-ink" : "text-ink-faint hover:text-ink-muted"
            }`}
          >
            {tf(`mode.${option}`)}
          </button>
        ))}
      </fieldset>
      {refusal ? (
        <p role="alert" data-testid="mode-refusal" className="text-xs text-down">
          {refusal}
        </p>
      ) : null}
    </div>
  );
}

/** The leverage of the trader's position in the contract, 1× to the contract's maximum. */
function LeveragePicker({ current, max }: { current: number; max: number }) {
  const { market } = useTrade();
  const tf = useTranslations("futures.form");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const change = useMutation(trpc.futures.setLeverage.mutationOptions());
  const [refusal, setRefusal] = useState<string | null>(null);
  const options = Array.from({ length: max }, (_, i) => i + 1);
  return (
    <div className="flex shrink-0 flex-col items-end gap-1">
      <label className="flex h-8 items-center gap-1.5 rounded-md bg-canvas px-2 text-xs text-ink-faint ring-1 ring-line-strong ring-inset max-md:h-11">
        {tf("leverage")}
        <select
          data-testid="leverage"
          value={current}
          disabled={change.isPending}
          onChange={(event) => {
            const leverage = Number(event.target.value);
            setRefusal(null);
            change.mutate(
              { symbol: market.symbol, leverage, requestId: crypto.randomUUID() },
              {
                onSuccess: () => {
                  void queryClient.invalidateQueries(trpc.futures.account.pathFilter());
                  toast({ tone: "success", title: tf("leverageChanged", { leverage }) });
                },
                onError: () => setRefusal(tf("leverageRefused", { leverage })),
              },
            );
          }}
          className="bg-transparent font-semibold text-ink tabular-nums outline-none"
        >
          {options.map((n) => (
            <option key={n} value={n} className="bg-raised">
              {n}×
            </option>
          ))}
        </select>
        {change.isPending ? <Spinner /> : null}
      </label>
      {refusal ? (
        <p role="alert" className="max-w-40 text-right text-xs text-down">
          {refusal}
        </p>
      ) : null}
    </div>
  );
}
