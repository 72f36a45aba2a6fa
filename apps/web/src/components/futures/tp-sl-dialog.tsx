"use client";

import { compare, decimal } from "@exchange/contracts/money";
import { buttonClasses, FormAlert, Spinner, useHydrated, useToast } from "@exchange/ui";
import { type ApiErrorLike, useErrorText } from "@exchange/ui/i18n";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import {
  createContext,
  type FormEvent,
  type ReactNode,
  useContext,
  useId,
  useRef,
  useState,
} from "react";
import { createPortal } from "react-dom";
import { AmountField, errorDataOf, newClientOrderId } from "@/components/trade/order-form";
import { normalised, positiveOrNull } from "@/components/trade/order-math";
import { useTrade } from "@/components/trade/trade-context";
import { applyOrder } from "@/components/trade/use-account-live";
import { useTicker } from "@/components/trade/use-market-data";
import { useTRPC } from "@/trpc/react";
import type { FuturesPositionDto } from "./futures-context";
import { PROTECTION_PERCENT, protectionPrice } from "./futures-math";

/** The engine's refusal of a stop the last price already meets (packages/core reject-code.ts). */
const STOP_WOULD_TRIGGER_NOW = 413;

type Leg = "takeProfit" | "stopLoss";

/**
 * The TP/SL button of a position: a take-profit and / or a stop-loss trigger price, each placed
 * as a reduce-only IOC stop order for the whole position (`takeProfitLimit` / `stopLimit` on the
 * contract's last trade price) with a protection price 5 % past its trigger. Reduce-only, it
 * holds no margin, closes at most what is left of the position when it triggers, and the
 * engine cancels it when the position closes otherwise — so the take-profit that closes a long
 * takes its stop-loss with it. Both appear among the open orders, where they are cancelled.
 */
/**
 * Which position's TP/SL dialog is open, kept above the rows: a row is remounted when the
 * positions switch between the table and the phone's cards (a resize, a rotated phone), and the
 * dialog — with what the trader typed — stays open through it. It closes with its position.
 */
const OpenTpSl = createContext<((symbol: string) => void) | null>(null);

export function TpSlDialogHost({
  positions,
  children,
}: {
  positions: FuturesPositionDto[];
  children: ReactNode;
}) {
  const t = useTranslations("futures.tpsl");
  const [symbol, setSymbol] = useState<string | null>(null);
  const hydrated = useHydrated();
  const position = positions.find((p) => p.symbol === symbol) ?? null;
  return (
    <OpenTpSl.Provider value={setSymbol}>
      {children}
      {position && hydrated
        ? createPortal(
            <dialog
              ref={(node) => {
                if (node && !node.open) node.showModal();
              }}
              onClose={() => setSymbol(null)}
              aria-label={t("title")}
              data-testid="tpsl-dialog"
              className="m-auto w-[min(24rem,calc(100vw-2rem))] rounded-lg bg-raised p-0 text-ink shadow-2xl shadow-black/60 ring-1 ring-line-strong backdrop:bg-black/60"
            >
              <TpSlForm position={position} onDone={() => setSymbol(null)} />
            </dialog>,
            document.body,
          )
        : null}
    </OpenTpSl.Provider>
  );
}

/** A position's TP/SL button: opens the dialog of its `TpSlDialogHost`. */
export function TpSlButton({ position, look }: { position: FuturesPositionDto; look: string }) {
  const t = useTranslations("futures.tpsl");
  const open = useContext(OpenTpSl);
  return (
    <button
      type="button"
      data-testid="tpsl-open"
      onClick={() => open?.(position.symbol)}
      className={look}
    >
      {t("open")}
    </button>
  );
}

function TpSlForm({ position, onDone }: { position: FuturesPositionDto; onDone: () => void }) {
  const { market, format } = useTrade();
  const t = useTranslations("futures.tpsl");
  const tp = useTranslations("futures.panel");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const errorText = useErrorText();
  const headingId = useId();
  const last = useTicker(market.symbol).data?.last ?? null;
  const place = useMutation(trpc.trading.placeOrder.mutationOptions());
  const [prices, setPrices] = useState<Record<Leg, string>>({ takeProfit: "", stopLoss: "" });
  const [errors, setErrors] = useState<Partial<Record<Leg | "_", string>>>({});
  // One client order id per leg and trigger, kept while the same one is retried.
  const attempts = useRef<Partial<Record<Leg, { price: string; clientOrderId: string }>>>({});
  const long = position.side === "long";
  const side = long ? ("sell" as const) : ("buy" as const);
  const asset = market.baseAsset;

  /** The leg's trigger as sent, or why not; null when left empty. */
  function check(leg: Leg): { price: string } | { error: string } | null {
    const text = prices[leg].trim();
    if (!text) return null;
    const plain = normalised(text);
    if (plain === null || !positiveOrNull(plain)) return { error: t("notAPrice") };
    if (last) {
      // A long's take-profit is above the last price and its stop-loss below; a short's the
      // other way round. The engine refuses one the last price already meets.
      const above = compare(decimal(plain), decimal(last)) > 0;
      const wantAbove = (leg === "takeProfit") === long;
      if (above !== wantAbove) {
        return {
          error: t(wantAbove ? "mustBeAbove" : "mustBeBelow", { price: format.price(last) }),
        };
      }
    }
    return { price: plain };
  }

  async function placeLeg(leg: Leg, trigger: string): Promise<string | null> {
    const limit = protectionPrice(trigger, side, market);
    if (limit === null) return t("notAPrice");
    const kept = attempts.current[leg];
    const clientOrderId = kept?.price === trigger ? kept.clientOrderId : newClientOrderId();
    attempts.current[leg] = { price: trigger, clientOrderId };
    try {
      const { order } = await place.mutateAsync({
        symbol: position.symbol,
        side,
        type: leg === "takeProfit" ? "takeProfitLimit" : "stopLimit",
        stopPrice: trigger,
        price: limit,
        quantity: position.size,
        timeInForce: "IOC",
        reduceOnly: true,
        clientOrderId,
      });
      delete attempts.current[leg];
      applyOrder(queryClient, trpc, order);
      return null;
    } catch (error) {
      const data = errorDataOf(error);
      if (data?.appCode !== "ENGINE_UNAVAILABLE" && data !== undefined)
        delete attempts.current[leg];
      if (data?.rejectCode === STOP_WOULD_TRIGGER_NOW) return t("wouldTriggerNow");
      return errorText(error as ApiErrorLike);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    event.stopPropagation();
    if (place.isPending) return;
    const legs = (["takeProfit", "stopLoss"] as const).map((leg) => [leg, check(leg)] as const);
    const problems: Partial<Record<Leg | "_", string>> = {};
    for (const [leg, result] of legs) if (result && "error" in result) problems[leg] = result.error;
    const wanted = legs.filter(
      (entry): entry is readonly [Leg, { price: string }] =>
        entry[1] !== null && "price" in entry[1],
    );
    if (Object.keys(problems).length === 0 && wanted.length === 0) problems._ = t("oneNeeded");
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      return;
    }
    setErrors({});
    const failed: Partial<Record<Leg, string>> = {};
    const placed: Leg[] = [];
    for (const [leg, { price }] of wanted) {
      const error = await placeLeg(leg, price);
      if (error === null) placed.push(leg);
      else failed[leg] = error;
    }
    void queryClient.invalidateQueries(trpc.trading.openOrders.pathFilter());
    if (placed.length > 0) {
      toast({
        tone: "success",
        title: t("placed", { symbol: position.symbol }),
        description: placed.map((leg) => t(leg)).join(" · "),
      });
      setPrices((current) => {
        const next = { ...current };
        for (const leg of placed) next[leg] = "";
        return next;
      });
    }
    if (Object.keys(failed).length > 0) setErrors(failed);
    else onDone();
  }

  const fillsTo = (leg: Leg) => {
    const result = check(leg);
    if (!result || !("price" in result)) return null;
    const limit = protectionPrice(result.price, side, market);
    return limit ? t(long ? "fillsDownTo" : "fillsUpTo", { price: format.price(limit) }) : null;
  };

  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby={headingId}
      className="flex flex-col gap-4 p-5"
    >
      <h2 id={headingId} className="text-base font-semibold">
        {t("title")}
      </h2>
      <p className="text-xs text-ink-muted">
        {t("intro", {
          position: `${tp(`side.${position.side}`)} ${format.quantity(position.size)} ${asset}`,
          percent: PROTECTION_PERCENT,
        })}
      </p>
      <dl className="grid grid-cols-2 gap-2 text-xs">
        <div className="rounded-md bg-canvas px-3 py-2">
          <dt className="text-ink-faint">{tp("entry")}</dt>
          <dd className="font-medium tabular-nums">
            {position.entryPrice ? format.price(position.entryPrice) : "—"}
          </dd>
        </div>
        <div className="rounded-md bg-canvas px-3 py-2">
          <dt className="text-ink-faint">{t("last")}</dt>
          <dd data-testid="tpsl-last" className="font-medium tabular-nums">
            {last ? format.price(last) : "—"}
          </dd>
        </div>
      </dl>
      {(["takeProfit", "stopLoss"] as const).map((leg) => (
        <div key={leg} className="flex flex-col gap-1" data-testid={`tpsl-${leg}`}>
          <AmountField
            label={t(leg)}
            unit={market.quoteAsset}
            value={prices[leg]}
            onChange={(text) => {
              setPrices((current) => ({ ...current, [leg]: text }));
              setErrors(({ [leg]: _stale, _: _form, ...rest }) => rest);
            }}
            errors={errors[leg] ? [errors[leg] as string] : undefined}
          />
          {errors[leg] ? null : (
            <p className="text-right text-[11px] text-ink-faint tabular-nums">{fillsTo(leg)}</p>
          )}
        </div>
      ))}
      {errors._ ? <FormAlert>{errors._}</FormAlert> : null}
      <div className="flex justify-end gap-2">
        <button
          type="button"
          onClick={onDone}
          className={`${buttonClasses("ghost", "sm")} max-md:h-10`}
        >
          {t("cancel")}
        </button>
        <button
          type="submit"
          disabled={place.isPending}
          className={`${buttonClasses("primary", "sm")} max-md:h-10`}
        >
          {place.isPending ? <Spinner /> : null}
          {t("confirm")}
        </button>
      </div>
    </form>
  );
}
