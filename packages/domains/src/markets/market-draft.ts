import type { Market, MarketStatus } from "@exchange/contracts/market";
import { parseUnits, UnitsError } from "@exchange/contracts/money";
import { MAX_OPEN_ORDERS_CEILING, MAX_UNITS } from "@exchange/core";
import type { FieldErrors } from "../errors";

/**
 * A new market as operations fill it in: every amount a decimal string (SPEC §3), checked here
 * against the rules the engine enforces (packages/core reference-commands.ts) so that a form
 * gets one message per wrong field instead of the engine's first refusal.
 */
export interface MarketDraft {
  baseAsset: string;
  quoteAsset: string;
  priceTick: string;
  lotSize: string;
  minQty: string;
  maxQty: string;
  maxPrice: string;
  minNotional: string;
  maxNotional: string;
  maxOpenOrders: number;
  makerFeeRate: string;
  takerFeeRate: string;
  status: Extract<MarketStatus, "PRE_OPEN" | "TRADING">;
}

/** Fee rates are parts per million in the engine, at most 10 % (packages/core MAX_FEE_PPM). */
const FEE_DECIMALS = 6;
const MAX_FEE_PPM = 100_000n;

type AmountField = Exclude<
  keyof MarketDraft,
  "baseAsset" | "quoteAsset" | "maxOpenOrders" | "status"
>;

/** Collects field errors; each field keeps its first. */
class DraftProblems {
  readonly errors: FieldErrors = {};

  add(field: keyof MarketDraft, message: string): void {
    this.errors[field] ??= [message];
  }

  get any(): boolean {
    return Object.keys(this.errors).length > 0;
  }
}

/** The field's atoms at `decimals`, or null with the problem recorded. */
function atomsOf(
  draft: MarketDraft,
  field: AmountField,
  decimals: number,
  problems: DraftProblems,
): bigint | null {
  try {
    return parseUnits(draft[field], decimals);
  } catch (error) {
    if (!(error instanceof UnitsError)) throw error;
    const why =
      error.rule === "tooManyDecimals"
        ? `has more than ${decimals} decimals`
        : "must be a decimal number such as 0.01";
    problems.add(field, `${draft[field]} ${why}.`);
    return null;
  }
}

/**
 * The draft as the market row it becomes, or the field errors that stop it. `precisions` are
 * the base and quote assets'. The symbol is base + quote, as Binance names markets.
 */
export function checkMarketDraft(
  draft: MarketDraft,
  precisions: { base: number; quote: number },
): { market: Market } | { fieldErrors: FieldErrors } {
  const problems = new DraftProblems();
  if (draft.baseAsset === draft.quoteAsset) {
    problems.add("quoteAsset", "The quote asset must differ from the base asset.");
  }
  checkSteps(draft, precisions, problems);
  checkFees(draft, problems);
  if (
    !Number.isInteger(draft.maxOpenOrders) ||
    draft.maxOpenOrders < 1 ||
    draft.maxOpenOrders > MAX_OPEN_ORDERS_CEILING
  ) {
    problems.add("maxOpenOrders", `Must be a whole number from 1 to ${MAX_OPEN_ORDERS_CEILING}.`);
  }
  if (problems.any) return { fieldErrors: problems.errors };
  return {
    market: {
      symbol: `${draft.baseAsset}${draft.quoteAsset}`,
      baseAsset: draft.baseAsset,
      quoteAsset: draft.quoteAsset,
      basePrecision: precisions.base,
      quotePrecision: precisions.quote,
      priceTick: draft.priceTick,
      lotSize: draft.lotSize,
      minQty: draft.minQty,
      maxQty: draft.maxQty,
      maxPrice: draft.maxPrice,
      minNotional: draft.minNotional,
      maxNotional: draft.maxNotional,
      maxOpenOrders: draft.maxOpenOrders,
      makerFeeRate: draft.makerFeeRate,
      takerFeeRate: draft.takerFeeRate,
      status: draft.status,
    },
  };
}

/** Tick and lot, the quantity, price and notional limits: coherent with each other. */
function checkSteps(
  draft: MarketDraft,
  precisions: { base: number; quote: number },
  problems: DraftProblems,
): void {
  const tick = atomsOf(draft, "priceTick", precisions.quote, problems);
  const lot = atomsOf(draft, "lotSize", precisions.base, problems);
  if (tick === 0n) problems.add("priceTick", "The price tick must be above zero.");
  if (lot === 0n) problems.add("lotSize", "The lot size must be above zero.");
  if (tick && lot && (tick * lot) % 10n ** BigInt(precisions.base) !== 0n) {
    problems.add(
      "lotSize",
      "One lot at one tick must be a whole number of the quote asset's smallest unit.",
    );
  }
  const minQty = atomsOf(draft, "minQty", precisions.base, problems);
  const maxQty = atomsOf(draft, "maxQty", precisions.base, problems);
  const maxPrice = atomsOf(draft, "maxPrice", precisions.quote, problems);
  const minNotional = atomsOf(draft, "minNotional", precisions.quote, problems);
  const maxNotional = atomsOf(draft, "maxNotional", precisions.quote, problems);
  if (lot) checkQuantities({ lot, minQty, maxQty }, problems);
  if (tick && maxPrice !== null) {
    if (maxPrice === 0n || maxPrice % tick !== 0n) {
      problems.add("maxPrice", "The maximum price must be a positive multiple of the price tick.");
    } else if (maxPrice / tick > MAX_UNITS) {
      problems.add("maxPrice", "The maximum price is more ticks than the engine allows.");
    }
  }
  if (minNotional !== null && maxNotional !== null) {
    if (maxNotional === 0n || maxNotional > MAX_UNITS) {
      problems.add(
        "maxNotional",
        "The maximum order value must be above zero and within the engine's limit.",
      );
    } else if (maxNotional < minNotional) {
      problems.add("maxNotional", "The maximum order value must not be below the minimum.");
    }
  }
}

function checkQuantities(
  q: { lot: bigint; minQty: bigint | null; maxQty: bigint | null },
  problems: DraftProblems,
): void {
  const { lot, minQty, maxQty } = q;
  if (minQty !== null && (minQty === 0n || minQty % lot !== 0n)) {
    problems.add("minQty", "The minimum quantity must be a positive multiple of the lot size.");
  }
  if (maxQty === null) return;
  if (maxQty < lot) {
    problems.add("lotSize", "The lot size must not be larger than the maximum quantity.");
  } else if (maxQty % lot !== 0n) {
    problems.add("maxQty", "The maximum quantity must be a multiple of the lot size.");
  } else if (maxQty / lot > MAX_UNITS) {
    problems.add("maxQty", "The maximum quantity is more lots than the engine allows.");
  } else if (minQty !== null && maxQty < minQty) {
    problems.add("maxQty", "The maximum quantity must not be below the minimum.");
  }
}

function checkFees(draft: MarketDraft, problems: DraftProblems): void {
  for (const field of ["makerFeeRate", "takerFeeRate"] as const) {
    const ppm = atomsOf(draft, field, FEE_DECIMALS, problems);
    if (ppm !== null && ppm > MAX_FEE_PPM) {
      problems.add(field, "A fee rate must be from 0 to 0.1 (10 %).");
    }
  }
}
