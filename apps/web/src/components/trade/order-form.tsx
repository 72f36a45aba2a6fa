"use client";

import type { MarketDto } from "@exchange/api/client";
import { type Decimal, decimal, formatDecimal, formatRate } from "@exchange/contracts/money";
import { buttonClasses, FormAlert, Spinner, useHydrated, useToast } from "@exchange/ui";
import { useErrorText } from "@exchange/ui/i18n";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { RestrictionNotice, useRestrictionRefusal } from "@/components/account/restriction-notice";
import { useTRPC } from "@/trpc/react";
import { formatAmount } from "./format";
import { marketHref } from "./market-href";
import { depositHref, REJECT, rejectionOf, type Shortfall, shortfallOf } from "./order-feedback";
import {
  estimatedQuantity,
  feeEstimate,
  higherRate,
  maximaProblems,
  normalised,
  notional,
  positiveOrNull,
  quantityFromBase,
  quantityFromQuote,
  type Side,
  spendFromQuote,
} from "./order-math";
import { Panel } from "./panel";
import { useTrade } from "./trade-context";
import { applyOrder, usePrivatePollMs, useRefreshAccount } from "./use-account-live";
import { useTicker } from "./use-market-data";

type OrderType = "limit" | "market" | "stopLimit" | "takeProfitLimit" | "oco";
/** The kinds that wait for the last price to reach a stop price (an OCO's second order too). */
type StopKind = Exclude<OrderType, "limit" | "market">;
const ORDER_TYPES: readonly OrderType[] = [
  "limit",
  "market",
  "stopLimit",
  "takeProfitLimit",
  "oco",
];
const isStopKind = (type: OrderType): type is StopKind =>
  type === "stopLimit" || type === "takeProfitLimit" || type === "oco";
type TimeInForce = "GTC" | "IOC" | "FOK";
/** A market buy is sized by what to spend (total) or by quantity. */
type MarketBuyBy = "total" | "quantity";
/** Form fields that can carry an error; "_" is the whole form. */
export type Field =
  | "price"
  | "stopPrice"
  | "stopLimitPrice"
  | "quantity"
  | "quoteAmount"
  | "postOnly"
  | "timeInForce"
  | "_";
export type FieldErrors = Partial<Record<Field, string[]>>;

const PERCENTS = [25, 50, 75, 100] as const;
/** Their codes read the same in every language, as on every exchange. */
const TIMES_IN_FORCE: readonly TimeInForce[] = ["GTC", "IOC", "FOK"];
const FIELDS: readonly Field[] = [
  "price",
  "stopPrice",
  "stopLimitPrice",
  "quantity",
  "quoteAmount",
  "postOnly",
  "timeInForce",
];

/** A fresh client order id for each new order; reused only to retry the same one. */
export function newClientOrderId(): string {
  return `web-${crypto.randomUUID().replaceAll("-", "").slice(0, 24)}`;
}

/** What an error from placeOrder carries (packages/api trpc.ts error formatter). */
export interface ApiErrorData {
  appCode?: string;
  rejectCode?: number;
  fieldErrors?: Record<string, string[]>;
}

type Translate = ReturnType<typeof useTranslations<"trade">>;

export function errorDataOf(error: unknown): ApiErrorData | undefined {
  const data = (error as { data?: unknown } | null)?.data;
  return typeof data === "object" && data !== null ? (data as ApiErrorData) : undefined;
}

/** Places limit and market orders; logged-out visitors get a prompt to log in instead. */
export function OrderForm() {
  const { loggedIn, market, format } = useTrade();
  const t = useTranslations("trade.form");
  return (
    <Panel area="form" testId="order-form" className={loggedIn ? "min-h-[26rem]" : ""}>
      {loggedIn ? (
        <PlaceOrderForm key={market.symbol} />
      ) : (
        <div className="flex flex-1 flex-col items-center justify-center gap-4 px-6 py-8 text-center">
          <p className="text-sm font-medium text-ink">
            {t("loggedOutTitle", { pair: format.pair })}
          </p>
          <p className="max-w-60 text-xs text-ink-muted">{t("loggedOutText")}</p>
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

function PlaceOrderForm() {
  const { market, format, picked } = useTrade();
  const t = useTranslations("trade");
  const locale = useLocale();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const refreshAccount = useRefreshAccount();
  const noteRefusal = useRestrictionRefusal();
  const hydrated = useHydrated();
  const balances = useQuery({
    ...trpc.trading.balances.queryOptions(),
    refetchInterval: usePrivatePollMs(),
  });
  const last = useTicker(market.symbol).data?.last ?? null;

  const [side, setSide] = useState<Side>("buy");
  const [type, setType] = useState<OrderType>("limit");
  const [marketBuyBy, setMarketBuyBy] = useState<MarketBuyBy>("total");
  const [price, setPrice] = useState("");
  const [stopPrice, setStopPrice] = useState("");
  const [stopLimitPrice, setStopLimitPrice] = useState("");
  const [quantity, setQuantity] = useState("");
  const [spend, setSpend] = useState("");
  const [timeInForce, setTimeInForce] = useState<TimeInForce>("GTC");
  const [postOnly, setPostOnly] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  /** The last refusal was the KYC level: show the way to verification instead of a field error. */
  const [kycRequired, setKycRequired] = useState(false);
  /** The last refusal was the balance: the asset to deposit, offered beside the message. */
  const [refusedFor, setRefusedFor] = useState<string | null>(null);
  /** The last submission that may have reached the engine unconfirmed, to retry it safely. */
  const unconfirmed = useRef<{ fingerprint: string; clientOrderId: string } | null>(null);

  const place = useMutation(trpc.trading.placeOrder.mutationOptions());
  const placeOco = useMutation(trpc.trading.placeOco.mutationOptions());

  // A price clicked in the book or the trades becomes a limit order's price.
  useEffect(() => {
    if (!picked) return;
    setType("limit");
    setPrice(picked.price);
    setErrors(({ price: _stale, _: _form, ...rest }) => rest);
  }, [picked]);

  // Start with the market's last price, as exchanges do, once it is known.
  const seeded = useRef(false);
  useEffect(() => {
    if (seeded.current || !last) return;
    seeded.current = true;
    setPrice((current) => current || last);
  }, [last]);

  const balanceOf = (asset: string) =>
    balances.data?.find((b) => b.asset === asset)?.available ?? null;
  const availableBase = balanceOf(market.baseAsset);
  const availableQuote = balanceOf(market.quoteAsset);
  const spendAsset = side === "buy" ? market.quoteAsset : market.baseAsset;
  const available = side === "buy" ? availableQuote : availableBase;

  const byTotal = type === "market" && side === "buy" && marketBuyBy === "total";
  const priceValue = type !== "market" ? positiveOrNull(price) : last ? decimal(last) : null;
  const quantityValue = byTotal
    ? spendAndPrice(positiveOrNull(spend), priceValue)
    : positiveOrNull(quantity);
  const value: Decimal | null = byTotal
    ? positiveOrNull(spend)
    : priceValue && quantityValue
      ? notional(priceValue, quantityValue)
      : null;
  const rate =
    type === "market"
      ? market.takerFeeRate
      : postOnly && type === "limit"
        ? market.makerFeeRate
        : higherRate(market.makerFeeRate, market.takerFeeRate);
  const fee = quantityValue && value ? feeEstimate(market, side, rate, quantityValue, value) : null;
  // What the order takes from the balance: the quote to pay on a buy, the base to sell.
  const needed = side === "buy" ? value : quantityValue;
  const shortfall = shortfallOf(available, needed);

  function spendAndPrice(amount: Decimal | null, at: Decimal | null): Decimal | null {
    return amount && at ? estimatedQuantity(market, amount, at) : null;
  }

  function clearError(...fields: Field[]) {
    setErrors((current) => {
      const next = { ...current };
      for (const field of [...fields, "_" as const]) delete next[field];
      return next;
    });
  }

  function fillPercent(percent: number) {
    if (!available) return;
    if (side === "sell") {
      setQuantity(quantityFromBase(market, available, percent));
      clearError("quantity");
    } else if (byTotal) {
      setSpend(spendFromQuote(market, available, percent));
      clearError("quoteAmount");
    } else if (priceValue) {
      setQuantity(quantityFromQuote(market, available, percent, priceValue));
      clearError("quantity");
    } else {
      setErrors({ price: [t("form.priceFirst")] });
    }
  }

  function orderInput() {
    const problems: FieldErrors = {};
    const need = (field: Field, text: string): string | undefined => {
      const plain = normalised(text);
      if (!text.trim()) problems[field] = [t("form.required")];
      else if (plain === null) problems[field] = [t("form.notANumber")];
      else if (!positiveOrNull(plain)) problems[field] = [t("form.notPositive")];
      return plain ?? undefined;
    };
    /** The market's maxima, on fields that are otherwise fine. */
    const checkMaxima = (
      figures: Partial<Record<"price" | "quantity" | "quoteAmount", string>>,
    ) => {
      const parsed = (text: string | undefined) => (text ? positiveOrNull(text) : null);
      const found = maximaProblems(market, {
        price: parsed(figures.price),
        quantity: parsed(figures.quantity),
        spend: parsed(figures.quoteAmount),
      });
      for (const [field, problem] of Object.entries(found)) {
        problems[field as Field] ??= [t(`reject.${problem.key}`, problem.values)];
      }
    };
    if (type === "oco") {
      const input = {
        symbol: market.symbol,
        side,
        price: need("price", price) ?? "",
        stopPrice: need("stopPrice", stopPrice) ?? "",
        stopLimitPrice: need("stopLimitPrice", stopLimitPrice) ?? "",
        quantity: need("quantity", quantity) ?? "",
      };
      checkMaxima(input);
      return { input, problems };
    }
    if (type === "stopLimit" || type === "takeProfitLimit") {
      const input = {
        symbol: market.symbol,
        side,
        type,
        stopPrice: need("stopPrice", stopPrice),
        price: need("price", price),
        quantity: need("quantity", quantity),
      };
      checkMaxima(input);
      return { input, problems };
    }
    const base = { symbol: market.symbol, side, type } as const;
    if (type === "limit") {
      const input = {
        ...base,
        price: need("price", price),
        quantity: need("quantity", quantity),
        timeInForce: postOnly ? ("GTC" as const) : timeInForce,
        postOnly,
      };
      checkMaxima(input);
      return { input, problems };
    }
    const input = byTotal
      ? { ...base, quoteAmount: need("quoteAmount", spend) }
      : { ...base, quantity: need("quantity", quantity) };
    checkMaxima(input);
    return { input, problems };
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (place.isPending || placeOco.isPending) return;
    const { input, problems } = orderInput();
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      return;
    }
    setErrors({});
    setRefusedFor(null);
    // The same order sent again after an unconfirmed attempt keeps its id: the API answers a
    // repeated client order id with the first result, so it can never be placed twice.
    const fingerprint = JSON.stringify(input);
    const clientOrderId =
      unconfirmed.current?.fingerprint === fingerprint
        ? unconfirmed.current.clientOrderId
        : newClientOrderId();
    unconfirmed.current = { fingerprint, clientOrderId };
    const onError = (error: unknown) => {
      const data = errorDataOf(error);
      const appCode = data?.appCode;
      if (appCode !== "ENGINE_UNAVAILABLE" && data !== undefined) unconfirmed.current = null;
      noteRefusal(appCode);
      setKycRequired(appCode === "KYC_REQUIRED");
      setRefusedFor(data?.rejectCode === REJECT.InsufficientBalance ? spendAsset : null);
      setErrors(
        appCode === "KYC_REQUIRED"
          ? {}
          : fieldErrorsOf(error, data, {
              byTotal,
              t,
              market,
              english: locale === "en",
              errorText,
            }),
      );
    };
    if ("stopLimitPrice" in input) {
      placeOco.mutate(
        { ...input, clientOrderId },
        {
          onSuccess: ({ orders }) => {
            unconfirmed.current = null;
            for (const order of orders) applyOrder(queryClient, trpc, order);
            refreshAccount();
            setQuantity("");
            toast({
              tone: "success",
              title: t("form.ocoPlaced", {
                price: format.price(input.price),
                stop: format.price(input.stopPrice),
              }),
            });
          },
          onError,
        },
      );
      return;
    }
    place.mutate(
      { ...input, clientOrderId },
      {
        onSuccess: ({ order, fills }) => {
          unconfirmed.current = null;
          // The reply is worked out from the engine's events: show it before any push or re-read.
          applyOrder(queryClient, trpc, order);
          refreshAccount();
          setQuantity("");
          setSpend("");
          toast({
            tone: order.status === "CANCELLED" && !filled(order) ? "info" : "success",
            title: orderOutcome(order, t),
            description: orderSummary(order, fills.length, format, t),
          });
        },
        onError,
      },
    );
  }

  const pending = place.isPending || placeOco.isPending;
  const tradable = market.status === "TRADING";
  // The deep "fill" strengths: white text reads on them at 4.5:1.
  const sideTone =
    side === "buy" ? "bg-up-fill hover:bg-up-fill/90" : "bg-down-fill hover:bg-down-fill/90";

  return (
    <form
      onSubmit={submit}
      noValidate
      className="flex flex-1 flex-col gap-3 p-3"
      aria-label={t("form.title")}
    >
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
              clearError("quantity", "quoteAmount");
            }}
            className={`h-8 rounded text-[13px] font-semibold transition-colors max-md:h-10 ${
              side === option
                ? option === "buy"
                  ? "bg-up-fill text-white"
                  : "bg-down-fill text-white"
                : "text-ink-muted hover:text-ink"
            }`}
          >
            {t(`side.${option}`)}
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
      {/* A row of its own: the five order types fill the narrow column's width. */}
      <p className="-mt-2 text-right text-xs text-ink-faint tabular-nums" data-testid="available">
        {t("form.available")}{" "}
        <span className="text-ink-muted">
          {balances.isError
            ? t("form.availableFailed")
            : balances.isPending
              ? t("form.availableLoading")
              : `${available === null ? "0" : formatAmount(available)} ${spendAsset}`}
        </span>
      </p>
      {balances.isError ? (
        <button
          type="button"
          onClick={() => void balances.refetch()}
          className="self-end text-xs font-medium text-brand hover:text-brand-hover max-md:min-h-10"
        >
          {t("retry")}
        </button>
      ) : shortfall && !refusedFor ? (
        <FundingHint shortfall={shortfall} asset={spendAsset} />
      ) : null}

      <RestrictionNotice area="trading" />
      {errors._ ? <FormAlert>{errors._.join(" ")}</FormAlert> : null}
      {kycRequired ? (
        <FormAlert>
          {t("form.verify")}{" "}
          <Link href="/account/verification" className="font-semibold text-ink underline">
            {t("form.verifyNow")}
          </Link>
        </FormAlert>
      ) : null}

      {isStopKind(type) ? (
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
      {type === "oco" ? (
        <AmountField
          label={t("form.stopLimitPrice")}
          unit={market.quoteAsset}
          value={stopLimitPrice}
          onChange={(text) => {
            setStopLimitPrice(text);
            clearError("stopLimitPrice");
          }}
          errors={errors.stopLimitPrice}
        />
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
        <div className="flex h-9 items-center justify-between rounded-md bg-raised/60 px-3 text-[13px] text-ink-faint">
          <span>{t("form.price")}</span>
          <span>{t("form.bestPrice")}</span>
        </div>
      )}

      {byTotal ? (
        <AmountField
          label={t("form.total")}
          unit={market.quoteAsset}
          value={spend}
          onChange={(text) => {
            setSpend(text);
            clearError("quoteAmount");
          }}
          errors={errors.quoteAmount}
          refusedFor={refusedFor}
        />
      ) : (
        <AmountField
          label={t("form.amount")}
          unit={market.baseAsset}
          value={quantity}
          onChange={(text) => {
            setQuantity(text);
            clearError("quantity");
          }}
          errors={errors.quantity}
          refusedFor={refusedFor}
        />
      )}

      <fieldset aria-label={t("form.shares")} className="min-w-0 grid grid-cols-4 gap-1">
        {PERCENTS.map((percent) => (
          <button
            key={percent}
            type="button"
            disabled={!available}
            onClick={() => fillPercent(percent)}
            className="h-6 rounded bg-raised text-[11px] font-medium text-ink-muted tabular-nums ring-1 ring-line ring-inset hover:text-ink disabled:opacity-50 max-md:h-10"
          >
            {percent}%
          </button>
        ))}
      </fieldset>

      {type === "market" && side === "buy" ? (
        <label className="flex items-center gap-2 text-xs text-ink-muted max-md:min-h-10">
          <input
            type="checkbox"
            checked={marketBuyBy === "quantity"}
            onChange={(event) => {
              setMarketBuyBy(event.target.checked ? "quantity" : "total");
              clearError("quantity", "quoteAmount");
            }}
            className={CHECKBOX}
          />
          {t("form.buyByQuantity", { asset: market.baseAsset })}
        </label>
      ) : null}

      {type === "limit" ? (
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-xs text-ink-muted">
          <label className="flex items-center gap-2 max-md:min-h-10" title={t("form.postOnlyHint")}>
            <input
              type="checkbox"
              checked={postOnly}
              onChange={(event) => {
                setPostOnly(event.target.checked);
                clearError("postOnly", "timeInForce");
              }}
              className={CHECKBOX}
            />
            {t("form.postOnly")}
          </label>
          <label className="ml-auto flex items-center gap-2">
            <span title={t("form.timeInForceHint")}>{t("form.timeInForce")}</span>
            <select
              value={postOnly ? "GTC" : timeInForce}
              disabled={postOnly}
              onChange={(event) => {
                setTimeInForce(event.target.value as TimeInForce);
                clearError("timeInForce", "postOnly");
              }}
              className="h-6 rounded bg-canvas px-1.5 text-xs text-ink ring-1 ring-line-strong ring-inset outline-none focus:ring-2 focus:ring-brand disabled:opacity-60 max-md:h-10"
            >
              {TIMES_IN_FORCE.map((tif) => (
                <option key={tif} value={tif}>
                  {tif}
                </option>
              ))}
            </select>
          </label>
        </div>
      ) : null}
      <FieldMessage errors={errors.postOnly ?? errors.timeInForce} />

      <dl className="flex flex-col gap-1 border-t border-line pt-2 text-xs">
        <Row label={type === "market" ? t("form.valueEstimate") : t("form.value")}>
          <span data-testid="order-value">
            {value ? `${format.total(formatDecimal(value))} ${market.quoteAsset}` : "—"}
          </span>
        </Row>
        {byTotal ? (
          <Row label={t("form.amountEstimate")}>
            {quantityValue
              ? `${format.quantity(formatDecimal(quantityValue))} ${market.baseAsset}`
              : "—"}
          </Row>
        ) : null}
        <Row
          label={t(
            type !== "market" && !(type === "limit" && postOnly) ? "form.feeMax" : "form.fee",
            {
              rate: formatRate(rate),
            },
          )}
        >
          <span data-testid="fee-estimate">{fee ? `≈ ${fee.amount} ${fee.asset}` : "—"}</span>
        </Row>
        <Row label={t("form.minimum")}>
          {format.total(market.minNotional)} {market.quoteAsset}
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
        disabled={!hydrated || pending || !tradable}
        aria-busy={pending}
        className={`mt-auto inline-flex h-10 w-full items-center justify-center gap-2 rounded-md text-sm font-semibold text-white transition-colors disabled:cursor-not-allowed disabled:opacity-60 ${sideTone}`}
      >
        {pending ? <Spinner /> : null}
        {!tradable
          ? t("form.paused")
          : t("form.submit", { side: t(`side.${side}`), asset: market.baseAsset })}
      </button>
    </form>
  );
}

/** Why a market that is not trading takes no order, as the form's note names it. */
export function notTradingKey(status: string): "preOpen" | "cancelOnly" | "halted" | "closed" {
  if (status === "PRE_OPEN") return "preOpen";
  if (status === "CANCEL_ONLY") return "cancelOnly";
  if (status === "CLOSED") return "closed";
  return "halted";
}

/**
 * The API's errors on the form's own fields, in the trader's language: the engine's refusals by
 * their reject code with the market's numbers; other field errors as the API words them in
 * English, or the error's sentence in another language. A field the form lacks goes to the form
 * alert.
 */
export function fieldErrorsOf(
  error: unknown,
  data: ApiErrorData | undefined,
  context: {
    byTotal: boolean;
    t: Translate;
    market: MarketDto;
    english: boolean;
    errorText: ReturnType<typeof useErrorText>;
  },
): FieldErrors {
  const { byTotal, t } = context;
  // A quantity error on a market buy by total belongs to the total the trader typed.
  const fieldOf = (key: string): Field => {
    const mapped = key === "quantity" && byTotal ? "quoteAmount" : key;
    return FIELDS.find((f) => f === mapped) ?? "_";
  };
  if (data?.appCode === "UNAUTHENTICATED") return { _: [t("form.sessionEnded")] };
  if (data === undefined || data.appCode === "ENGINE_UNAVAILABLE") {
    return { _: [t("form.unconfirmed")] };
  }
  const rejection =
    data.rejectCode === undefined ? null : rejectionOf(data.rejectCode, context.market);
  if (rejection) {
    return { [fieldOf(rejection.field)]: [t(`reject.${rejection.key}`, rejection.values)] };
  }
  const message = context.errorText(error as Parameters<typeof context.errorText>[0]);
  const result: FieldErrors = {};
  for (const [key, messages] of Object.entries(data.fieldErrors ?? {})) {
    const field = fieldOf(key);
    result[field] = [...(result[field] ?? []), ...(context.english ? messages : [message])];
  }
  if (Object.keys(result).length === 0) {
    result._ = [error instanceof Error && message ? message : t("form.notPlaced")];
  }
  for (const field of Object.keys(result) as Field[]) {
    result[field] = [...new Set(result[field])];
  }
  return result;
}

const filled = (order: { filledQuantity: string }) => decimal(order.filledQuantity).units > 0n;

/** "Buy limit order placed", "… filled", "… partly filled, rest cancelled", … */
export function orderOutcome(
  order: {
    side: "buy" | "sell";
    type: "limit" | "market" | "stopLimit" | "takeProfitLimit";
    status: string;
    filledQuantity: string;
  },
  t: Translate,
): string {
  const what = { what: t(`form.what.${order.side}_${order.type}`) };
  switch (order.status) {
    case "FILLED":
      return t("form.outcome.filled", what);
    case "PARTIALLY_FILLED":
      return t("form.outcome.partlyFilled", what);
    case "CANCELLED":
      return filled(order)
        ? t("form.outcome.restCancelled", what)
        : t("form.outcome.notFilled", what);
    default:
      return t("form.outcome.placed", what);
  }
}

export function orderSummary(
  order: {
    price: string | null;
    quantity: string | null;
    filledQuantity: string;
    averagePrice: string | null;
  },
  fills: number,
  format: ReturnType<typeof useTrade>["format"],
  t: Translate,
): string {
  const assets = { base: format.base, quote: format.quote };
  if (fills > 0 && order.averagePrice) {
    return t("form.summaryAverage", {
      ...assets,
      quantity: format.quantity(order.filledQuantity),
      price: format.price(order.averagePrice),
    });
  }
  if (order.price && order.quantity) {
    return t("form.summary", {
      ...assets,
      quantity: format.quantity(order.quantity),
      price: format.price(order.price),
    });
  }
  return format.pair;
}

/** Checkboxes show the page's focus ring too (the base style hides it on inputs). */
export const CHECKBOX =
  "size-3.5 accent-brand focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand";

/** The way to fund the order: what is missing, and the asset's deposit page. */
function FundingHint({ shortfall, asset }: { shortfall: Shortfall; asset: string }) {
  const t = useTranslations("trade.form");
  return (
    <p
      data-testid="funding-hint"
      className="flex flex-wrap items-center justify-end gap-x-2 text-xs text-ink-muted"
    >
      <span>{t(shortfall === "zero" ? "fundingZero" : "fundingShort", { asset })}</span>
      <DepositLink asset={asset} />
    </p>
  );
}

function DepositLink({ asset }: { asset: string }) {
  const t = useTranslations("trade.form");
  return (
    <Link
      href={depositHref(asset)}
      className="inline-flex items-center font-semibold text-brand underline-offset-2 hover:text-brand-hover hover:underline max-md:min-h-10"
    >
      {t("deposit", { asset })}
    </Link>
  );
}

export function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex items-center justify-between gap-2">
      <dt className="text-ink-faint">{label}</dt>
      <dd className="text-ink-muted tabular-nums">{children}</dd>
    </div>
  );
}

/** A decimal input with its label inside on the left and its unit on the right. */
export function AmountField({
  label,
  unit,
  value,
  onChange,
  errors,
  refusedFor,
}: {
  label: string;
  unit: string;
  value: string;
  onChange: (text: string) => void;
  errors: string[] | undefined;
  /** The balance refused the order: the asset to deposit, offered beside the message. */
  refusedFor?: string | null;
}) {
  const id = useId();
  const invalid = Boolean(errors?.length);
  return (
    <div className="flex flex-col gap-1">
      <div
        className={`flex h-9 items-center gap-2 rounded-md bg-canvas px-3 ring-1 ring-inset transition-shadow focus-within:ring-2 max-md:h-11 ${
          invalid ? "ring-down" : "ring-line-strong hover:ring-ink-faint focus-within:ring-brand"
        }`}
      >
        <label htmlFor={id} className="shrink-0 text-[13px] text-ink-faint">
          {label}
        </label>
        <input
          id={id}
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          value={value}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-errors` : undefined}
          onChange={(event) => {
            const text = event.target.value.replace(",", ".");
            // Digits and one point only: anything else would be refused by the API anyway.
            if (/^\d*\.?\d*$/.test(text)) onChange(text);
          }}
          className="min-w-0 flex-1 self-stretch bg-transparent text-right text-sm text-ink tabular-nums outline-none placeholder:text-ink-faint"
          placeholder="0"
        />
        <span className="shrink-0 text-xs text-ink-faint">{unit}</span>
      </div>
      <FieldMessage id={`${id}-errors`} errors={errors} />
      {invalid && refusedFor ? <DepositLink asset={refusedFor} /> : null}
    </div>
  );
}

export function FieldMessage({ id, errors }: { id?: string; errors: string[] | undefined }) {
  if (!errors?.length) return null;
  return (
    <p id={id} role="alert" data-testid="field-error" className="text-xs text-down">
      {errors.join(" ")}
    </p>
  );
}
