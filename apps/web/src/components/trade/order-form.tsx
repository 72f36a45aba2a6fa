"use client";

import { type Decimal, decimal, formatDecimal, formatRate } from "@exchange/contracts/money";
import { buttonClasses, FormAlert, Spinner, useHydrated, useToast } from "@exchange/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { useTRPC } from "@/trpc/react";
import { formatAmount } from "./format";
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

type OrderType = "limit" | "market";
type TimeInForce = "GTC" | "IOC" | "FOK";
/** A market buy is sized by what to spend (total) or by quantity. */
type MarketBuyBy = "total" | "quantity";
/** Form fields that can carry an error; "_" is the whole form. */
type Field = "price" | "quantity" | "quoteAmount" | "postOnly" | "timeInForce" | "_";
type FieldErrors = Partial<Record<Field, string[]>>;

const PERCENTS = [25, 50, 75, 100] as const;
const FIELDS: readonly Field[] = ["price", "quantity", "quoteAmount", "postOnly", "timeInForce"];

/** A fresh client order id for each new order; reused only to retry the same one. */
function newClientOrderId(): string {
  return `web-${crypto.randomUUID().replaceAll("-", "").slice(0, 24)}`;
}

/** What an error from placeOrder carries (packages/api trpc.ts error formatter). */
interface ApiErrorData {
  appCode?: string;
  fieldErrors?: Record<string, string[]>;
}

function errorDataOf(error: unknown): ApiErrorData | undefined {
  const data = (error as { data?: unknown } | null)?.data;
  return typeof data === "object" && data !== null ? (data as ApiErrorData) : undefined;
}

/** Places limit and market orders; logged-out visitors get a prompt to log in instead. */
export function OrderForm() {
  const { loggedIn, market, format } = useTrade();
  return (
    <Panel area="form" testId="order-form" className={loggedIn ? "min-h-[26rem]" : ""}>
      {loggedIn ? (
        <PlaceOrderForm key={market.symbol} />
      ) : (
        <div className="flex flex-1 flex-col items-center justify-center gap-4 px-6 py-8 text-center">
          <p className="text-sm font-medium text-ink">Log in to trade {format.pair}</p>
          <p className="max-w-60 text-xs text-ink-muted">
            The market is open to everyone. Placing orders needs an account.
          </p>
          <div className="flex gap-2">
            <Link
              href={`/login?next=${encodeURIComponent(`/trade/${market.symbol}`)}`}
              className={buttonClasses("primary", "sm")}
            >
              Log in
            </Link>
            <Link href="/register" className={buttonClasses("secondary", "sm")}>
              Sign up
            </Link>
          </div>
        </div>
      )}
    </Panel>
  );
}

function PlaceOrderForm() {
  const { market, format, picked } = useTrade();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const refreshAccount = useRefreshAccount();
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
  const [quantity, setQuantity] = useState("");
  const [spend, setSpend] = useState("");
  const [timeInForce, setTimeInForce] = useState<TimeInForce>("GTC");
  const [postOnly, setPostOnly] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  /** The last refusal was the KYC level: show the way to verification instead of a field error. */
  const [kycRequired, setKycRequired] = useState(false);
  /** The last submission that may have reached the engine unconfirmed, to retry it safely. */
  const unconfirmed = useRef<{ fingerprint: string; clientOrderId: string } | null>(null);

  const place = useMutation(trpc.trading.placeOrder.mutationOptions());

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
  const priceValue = type === "limit" ? positiveOrNull(price) : last ? decimal(last) : null;
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
      : postOnly
        ? market.makerFeeRate
        : higherRate(market.makerFeeRate, market.takerFeeRate);
  const fee = quantityValue && value ? feeEstimate(market, side, rate, quantityValue, value) : null;

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
      setErrors({ price: ["Enter a price first: the amount depends on it."] });
    }
  }

  function orderInput() {
    const problems: FieldErrors = {};
    const need = (field: Field, text: string): string | undefined => {
      const plain = normalised(text);
      if (!text.trim()) problems[field] = ["Required."];
      else if (plain === null) problems[field] = ["Enter a number, like 0.5."];
      else if (!positiveOrNull(plain)) problems[field] = ["Must be greater than zero."];
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
      for (const [field, messages] of Object.entries(found)) {
        problems[field as Field] ??= messages;
      }
    };
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
    if (place.isPending) return;
    const { input, problems } = orderInput();
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      return;
    }
    setErrors({});
    // The same order sent again after an unconfirmed attempt keeps its id: the API answers a
    // repeated client order id with the first result, so it can never be placed twice.
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
          // The reply is worked out from the engine's events: show it before any push or re-read.
          applyOrder(queryClient, trpc, order);
          refreshAccount();
          setQuantity("");
          setSpend("");
          toast({
            tone: order.status === "CANCELLED" && !filled(order) ? "info" : "success",
            title: orderOutcome(order),
            description: orderSummary(order, fills.length, format),
          });
        },
        onError: (error) => {
          const data = errorDataOf(error);
          const appCode = data?.appCode;
          if (appCode !== "ENGINE_UNAVAILABLE" && data !== undefined) unconfirmed.current = null;
          setKycRequired(appCode === "KYC_REQUIRED");
          setErrors(appCode === "KYC_REQUIRED" ? {} : fieldErrorsOf(error, data, byTotal));
        },
      },
    );
  }

  const pending = place.isPending;
  const tradable = market.status === "TRADING";
  const sideTone = side === "buy" ? "bg-up hover:bg-up/90" : "bg-down hover:bg-down/90";

  return (
    <form
      onSubmit={submit}
      noValidate
      className="flex flex-1 flex-col gap-3 p-3"
      aria-label="Place order"
    >
      <fieldset
        aria-label="Side"
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
            className={`h-8 rounded text-[13px] font-semibold transition-colors ${
              side === option
                ? option === "buy"
                  ? "bg-up text-white"
                  : "bg-down text-white"
                : "text-ink-muted hover:text-ink"
            }`}
          >
            {option === "buy" ? "Buy" : "Sell"}
          </button>
        ))}
      </fieldset>

      <fieldset aria-label="Order type" className="min-w-0 flex items-center gap-4 text-[13px]">
        {(["limit", "market"] as const).map((option) => (
          <button
            key={option}
            type="button"
            aria-pressed={type === option}
            onClick={() => {
              setType(option);
              setErrors({});
            }}
            className={`font-medium ${type === option ? "text-ink" : "text-ink-faint hover:text-ink-muted"}`}
          >
            {option === "limit" ? "Limit" : "Market"}
          </button>
        ))}
        <span className="ml-auto text-xs text-ink-faint tabular-nums" data-testid="available">
          Avbl{" "}
          <span className="text-ink-muted">
            {available === null ? "—" : `${formatAmount(available)} ${spendAsset}`}
          </span>
        </span>
      </fieldset>

      {errors._ ? <FormAlert>{errors._.join(" ")}</FormAlert> : null}
      {kycRequired ? (
        <FormAlert>
          Verify your identity to start trading.{" "}
          <Link href="/account/verification" className="font-semibold text-ink underline">
            Verify now
          </Link>
        </FormAlert>
      ) : null}

      {type === "limit" ? (
        <AmountField
          label="Price"
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
          <span>Price</span>
          <span>Best market price</span>
        </div>
      )}

      {byTotal ? (
        <AmountField
          label="Total"
          unit={market.quoteAsset}
          value={spend}
          onChange={(text) => {
            setSpend(text);
            clearError("quoteAmount");
          }}
          errors={errors.quoteAmount}
        />
      ) : (
        <AmountField
          label="Amount"
          unit={market.baseAsset}
          value={quantity}
          onChange={(text) => {
            setQuantity(text);
            clearError("quantity");
          }}
          errors={errors.quantity}
        />
      )}

      <fieldset aria-label="Share of available balance" className="min-w-0 grid grid-cols-4 gap-1">
        {PERCENTS.map((percent) => (
          <button
            key={percent}
            type="button"
            disabled={!available}
            onClick={() => fillPercent(percent)}
            className="h-6 rounded bg-raised text-[11px] font-medium text-ink-muted tabular-nums ring-1 ring-line ring-inset hover:text-ink disabled:opacity-50"
          >
            {percent}%
          </button>
        ))}
      </fieldset>

      {type === "market" && side === "buy" ? (
        <label className="flex items-center gap-2 text-xs text-ink-muted">
          <input
            type="checkbox"
            checked={marketBuyBy === "quantity"}
            onChange={(event) => {
              setMarketBuyBy(event.target.checked ? "quantity" : "total");
              clearError("quantity", "quoteAmount");
            }}
            className="size-3.5 accent-brand"
          />
          Buy a set amount of {market.baseAsset} instead of spending a total
        </label>
      ) : null}

      {type === "limit" ? (
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-xs text-ink-muted">
          <label
            className="flex items-center gap-2"
            title="Only rest on the book as a maker; never take."
          >
            <input
              type="checkbox"
              checked={postOnly}
              onChange={(event) => {
                setPostOnly(event.target.checked);
                clearError("postOnly", "timeInForce");
              }}
              className="size-3.5 accent-brand"
            />
            Post only
          </label>
          <label className="ml-auto flex items-center gap-2">
            <span title="Good till cancelled, immediate or cancel, fill or kill">
              Time in force
            </span>
            <select
              value={postOnly ? "GTC" : timeInForce}
              disabled={postOnly}
              onChange={(event) => {
                setTimeInForce(event.target.value as TimeInForce);
                clearError("timeInForce", "postOnly");
              }}
              className="h-6 rounded bg-canvas px-1.5 text-xs text-ink ring-1 ring-line-strong ring-inset outline-none focus:ring-brand disabled:opacity-60"
            >
              <option value="GTC">GTC</option>
              <option value="IOC">IOC</option>
              <option value="FOK">FOK</option>
            </select>
          </label>
        </div>
      ) : null}
      <FieldMessage errors={errors.postOnly ?? errors.timeInForce} />

      <dl className="flex flex-col gap-1 border-t border-line pt-2 text-xs">
        <Row label={type === "market" ? "Value (est.)" : "Value"}>
          <span data-testid="order-value">
            {value ? `${format.total(formatDecimal(value))} ${market.quoteAsset}` : "—"}
          </span>
        </Row>
        {byTotal ? (
          <Row label="Amount (est.)">
            {quantityValue
              ? `${format.quantity(formatDecimal(quantityValue))} ${market.baseAsset}`
              : "—"}
          </Row>
        ) : null}
        <Row label={`Fee (${formatRate(rate)}${type === "limit" && !postOnly ? " max" : ""})`}>
          <span data-testid="fee-estimate">{fee ? `≈ ${fee.amount} ${fee.asset}` : "—"}</span>
        </Row>
        <Row label="Minimum value">
          {format.total(market.minNotional)} {market.quoteAsset}
        </Row>
      </dl>

      <button
        type="submit"
        disabled={!hydrated || pending || !tradable}
        aria-busy={pending}
        className={`mt-auto inline-flex h-10 w-full items-center justify-center gap-2 rounded-md text-sm font-semibold text-white transition-colors disabled:cursor-not-allowed disabled:opacity-60 ${sideTone}`}
      >
        {pending ? <Spinner /> : null}
        {!tradable ? "Trading paused" : `${side === "buy" ? "Buy" : "Sell"} ${market.baseAsset}`}
      </button>
    </form>
  );
}

/** The API's errors on the form's own fields; a field the form lacks goes to the form alert. */
function fieldErrorsOf(
  error: unknown,
  data: ApiErrorData | undefined,
  byTotal: boolean,
): FieldErrors {
  if (data?.appCode === "UNAUTHENTICATED") {
    return { _: ["Your session has ended. Log in again to trade."] };
  }
  if (data === undefined || data.appCode === "ENGINE_UNAVAILABLE") {
    return {
      _: [
        "The exchange did not confirm the order in time. Check your open orders; sending it again is safe, it cannot be placed twice.",
      ],
    };
  }
  const result: FieldErrors = {};
  for (const [key, messages] of Object.entries(data.fieldErrors ?? {})) {
    // A quantity error on a market buy by total belongs to the total the trader typed.
    const mapped = key === "quantity" && byTotal ? "quoteAmount" : key;
    const field = FIELDS.find((f) => f === mapped) ?? "_";
    result[field] = [...(result[field] ?? []), ...messages];
  }
  if (Object.keys(result).length === 0) {
    result._ = [error instanceof Error ? error.message : "The order was not placed."];
  }
  return result;
}

const filled = (order: { filledQuantity: string }) => decimal(order.filledQuantity).units > 0n;

/** "Buy limit order placed", "… filled", "… partly filled, rest cancelled", … */
function orderOutcome(order: {
  side: string;
  type: string;
  status: string;
  filledQuantity: string;
}) {
  const what = `${order.side === "buy" ? "Buy" : "Sell"} ${order.type} order`;
  switch (order.status) {
    case "FILLED":
      return `${what} filled`;
    case "PARTIALLY_FILLED":
      return `${what} placed, partly filled`;
    case "CANCELLED":
      return filled(order) ? `${what} partly filled, rest cancelled` : `${what} not filled`;
    default:
      return `${what} placed`;
  }
}

function orderSummary(
  order: {
    side: string;
    type: string;
    price: string | null;
    quantity: string | null;
    quoteAmount: string | null;
    filledQuantity: string;
    averagePrice: string | null;
  },
  fills: number,
  format: ReturnType<typeof useTrade>["format"],
): string {
  if (fills > 0 && order.averagePrice) {
    return `${format.quantity(order.filledQuantity)} ${format.base} at ${format.price(order.averagePrice)} ${format.quote} avg`;
  }
  if (order.price && order.quantity) {
    return `${format.quantity(order.quantity)} ${format.base} at ${format.price(order.price)} ${format.quote}`;
  }
  return format.pair;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex items-center justify-between gap-2">
      <dt className="text-ink-faint">{label}</dt>
      <dd className="text-ink-muted tabular-nums">{children}</dd>
    </div>
  );
}

/** A decimal input with its label inside on the left and its unit on the right. */
function AmountField({
  label,
  unit,
  value,
  onChange,
  errors,
}: {
  label: string;
  unit: string;
  value: string;
  onChange: (text: string) => void;
  errors: string[] | undefined;
}) {
  const id = useId();
  const invalid = Boolean(errors?.length);
  return (
    <div className="flex flex-col gap-1">
      <div
        className={`flex h-9 items-center gap-2 rounded-md bg-canvas px-3 ring-1 ring-inset transition-shadow focus-within:ring-2 ${
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
          className="min-w-0 flex-1 bg-transparent text-right text-sm text-ink tabular-nums outline-none placeholder:text-ink-faint"
          placeholder="0"
        />
        <span className="shrink-0 text-xs text-ink-faint">{unit}</span>
      </div>
      <FieldMessage id={`${id}-errors`} errors={errors} />
    </div>
  );
}

function FieldMessage({ id, errors }: { id?: string; errors: string[] | undefined }) {
  if (!errors?.length) return null;
  return (
    <p id={id} role="alert" data-testid="field-error" className="text-xs text-down">
      {errors.join(" ")}
    </p>
  );
}
