import { assert } from "../../assert";
import { type CoreState, isPositiveId, Rejection, reject } from "../../core-state";
import type { CoreEvent } from "../../events";
import { isWithinCeiling, LEGACY_LIMITS, MAX_OPEN_ORDERS_CEILING, MAX_UNITS } from "../../limits";
import { FeeTier, Market } from "../../model";
import { RejectCode } from "../../reject-code";
import type { MarketConfig, MarketStatus } from "../../types";
import type {
  AddMarketCommand,
  AssignFeeTierCommand,
  SetFeeTierCommand,
  SetMarketStatusCommand,
} from "./commands";
import { canChangeMarketStatus, cancelEveryOrder, isMarketStatus } from "./market-lifecycle";

/** Markets and fee tiers: the spot module's reference data, changed by command while the core runs. */

const SYMBOL_PATTERN = /^[A-Z0-9]{2,32}$/;
/** A market may be listed in any status of its life but the last. */
const ADDABLE_STATUSES: readonly MarketStatus[] = ["preOpen", "trading", "cancelOnly", "halted"];
/** Fee rates above 10 % are surely a typo in ppm. */
const MAX_FEE_PPM = 100_000;
const FULL_SCALE_PPM = 1_000_000;

function isFeePpm(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_FEE_PPM;
}

function isBigint(value: unknown): value is bigint {
  return typeof value === "bigint";
}

/** A perpetual contract's symbol: a spot-like name and `-PERP`, so the two never collide. */
export const CONTRACT_SYMBOL_PATTERN = /^[A-Z0-9]{2,27}-PERP$/;

/**
 * The market config with defaults applied, or why it is invalid. A perpetual contract's market
 * (`contract.add`) is checked the same way, with its own symbol pattern.
 */
export function checkMarketConfig(
  s: CoreState,
  c: Omit<AddMarketCommand, "type">,
  symbolPattern: RegExp = SYMBOL_PATTERN,
): MarketConfig | Rejection {
  const invalid = (why: string) => reject(RejectCode.InvalidMarketConfig, why);
  if (typeof c.symbol !== "string" || !symbolPattern.test(c.symbol)) {
    return invalid(
      symbolPattern === SYMBOL_PATTERN
        ? "market symbol must be 2-32 of A-Z and 0-9"
        : "contract symbol must be 2-27 of A-Z and 0-9, then -PERP",
    );
  }
  const base = s.assets.get(c.base);
  const quote = s.assets.get(c.quote);
  if (base === undefined) return reject(RejectCode.UnknownAsset, `unknown base asset ${c.base}`);
  if (quote === undefined) return reject(RejectCode.UnknownAsset, `unknown quote asset ${c.quote}`);
  if (base === quote) return invalid("base and quote must differ");
  const amounts = [c.tickSizeAtoms, c.lotSizeAtoms, c.minQtyLots, c.maxQtyLots, c.minNotionalAtoms];
  if (!amounts.every(isBigint)) return invalid("steps, limits and notional must be bigints");
  if (c.tickSizeAtoms <= 0n || c.lotSizeAtoms <= 0n)
    return invalid("tick and lot must be positive");
  if ((c.tickSizeAtoms * c.lotSizeAtoms) % 10n ** BigInt(base.precision) !== 0n) {
    return invalid("one lot at one tick must be a whole number of quote atoms");
  }
  if (c.minQtyLots <= 0n || c.maxQtyLots < c.minQtyLots) {
    return invalid("quantity limits must satisfy 0 < min <= max");
  }
  if (c.minNotionalAtoms < 0n) return invalid("min notional must not be negative");
  const limits = checkMarketLimits(c);
  if (limits instanceof Rejection) return limits;
  if (!isFeePpm(c.makerFeePpm) || !isFeePpm(c.takerFeePpm)) {
    return invalid(`fee rates must be integers in 0..${MAX_FEE_PPM} ppm`);
  }
  const status = c.status ?? "trading";
  if (!ADDABLE_STATUSES.includes(status)) return invalid(`status ${String(status)} not allowed`);
  if (s.markets.has(c.symbol)) return reject(RejectCode.MarketExists, `market ${c.symbol} exists`);
  return {
    symbol: c.symbol,
    base: c.base,
    quote: c.quote,
    tickSizeAtoms: c.tickSizeAtoms,
    lotSizeAtoms: c.lotSizeAtoms,
    minQtyLots: c.minQtyLots,
    maxQtyLots: c.maxQtyLots,
    minNotionalAtoms: c.minNotionalAtoms,
    ...limits,
    makerFeePpm: c.makerFeePpm,
    takerFeePpm: c.takerFeePpm,
    status,
  };
}

type MarketLimits = Pick<MarketConfig, "maxPriceTicks" | "maxNotionalAtoms" | "maxOpenOrders">;

/** The market's maxima with defaults applied, each within its ceiling (see limits.ts). */
function checkMarketLimits(c: Omit<AddMarketCommand, "type">): MarketLimits | Rejection {
  const invalid = (why: string) => reject(RejectCode.InvalidMarketConfig, why);
  const limits: MarketLimits = {
    maxPriceTicks: c.maxPriceTicks ?? LEGACY_LIMITS.maxPriceTicks,
    maxNotionalAtoms: c.maxNotionalAtoms ?? LEGACY_LIMITS.maxNotionalAtoms,
    maxOpenOrders: c.maxOpenOrders ?? LEGACY_LIMITS.maxOpenOrders,
  };
  const maxima = [c.maxQtyLots, limits.maxPriceTicks, limits.maxNotionalAtoms];
  if (!maxima.every(isWithinCeiling)) {
    return invalid(`maximum quantity, price and notional must be bigints in 1..${MAX_UNITS}`);
  }
  if (limits.maxNotionalAtoms < c.minNotionalAtoms) {
    return invalid("max notional must not be below min notional");
  }
  const maxOpen = limits.maxOpenOrders;
  if (!Number.isInteger(maxOpen) || maxOpen < 1 || maxOpen > MAX_OPEN_ORDERS_CEILING) {
    return invalid(`maximum open orders must be an integer in 1..${MAX_OPEN_ORDERS_CEILING}`);
  }
  return limits;
}

export function addMarket(
  s: CoreState,
  c: AddMarketCommand,
  events: CoreEvent[],
): Rejection | null {
  const config = checkMarketConfig(s, c);
  if (config instanceof Rejection) return config;
  listMarket(s, config, events);
  return null;
}

/** Adds a checked market to the core and reports it; returns it. */
export function listMarket(s: CoreState, config: MarketConfig, events: CoreEvent[]): Market {
  const base = s.assets.get(config.base);
  const quote = s.assets.get(config.quote);
  assert(base !== undefined && quote !== undefined, "market assets vanished");
  const market = new Market(
    config,
    base,
    quote,
    s.createBook(),
    s.markets.size,
    s.createTriggerBook(),
  );
  s.markets.set(config.symbol, market);
  events.push({ type: "market.added", ...config });
  return market;
}

/**
 * Moves a market along its life (`market-lifecycle.ts`). Closing cancels every open order of the
 * market and releases their funds in the same command. Asking for the status it has changes
 * nothing and is accepted, as journals written before the lifecycle replay that way.
 */
export function setMarketStatus(
  s: CoreState,
  c: SetMarketStatusCommand,
  events: CoreEvent[],
): Rejection | null {
  const market = s.markets.get(c.symbol);
  if (market === undefined) return reject(RejectCode.UnknownMarket, `unknown market ${c.symbol}`);
  if (!isMarketStatus(c.status)) {
    return reject(RejectCode.InvalidCommand, `unknown market status ${String(c.status)}`);
  }
  const previous = market.status;
  if (!canChangeMarketStatus(previous, c.status)) {
    return reject(
      RejectCode.StatusChangeNotAllowed,
      `market ${market.symbol} cannot move from ${previous} to ${c.status}`,
    );
  }
  if (previous === c.status) return null;
  if (c.status === "closed" && hasOpenPositions(market)) {
    return reject(
      RejectCode.StatusChangeNotAllowed,
      `contract ${market.symbol} still has open positions: it cannot close`,
    );
  }
  if (c.status === "closed") cancelEveryOrder(s, market, events);
  market.status = c.status;
  events.push({ type: "market.statusChanged", symbol: market.symbol, status: c.status, previous });
  return null;
}

/** A perpetual cannot close while any position is open: nothing would settle them. */
function hasOpenPositions(market: Market): boolean {
  if (market.perpetual === null) return false;
  for (const position of market.perpetual.positions.values()) {
    if (position.qtyLots !== 0n) return true;
  }
  return false;
}

function isScalePpm(value: unknown, least = 0): value is number {
  return (
    Number.isInteger(value) && (value as number) >= least && (value as number) <= FULL_SCALE_PPM
  );
}

export function setFeeTier(
  s: CoreState,
  c: SetFeeTierCommand,
  events: CoreEvent[],
): Rejection | null {
  if (!Number.isSafeInteger(c.tier) || c.tier < 0) {
    return reject(RejectCode.InvalidFeeTier, "fee tier must be a non-negative integer");
  }
  // A maker scale below zero is a rebate, at most the market's whole maker rate; takers pay.
  if (!isScalePpm(c.makerScalePpm, -FULL_SCALE_PPM) || !isScalePpm(c.takerScalePpm)) {
    return reject(
      RejectCode.InvalidFeeTier,
      `fee scales must be integers: maker in -${FULL_SCALE_PPM}..${FULL_SCALE_PPM}, taker in 0..${FULL_SCALE_PPM}`,
    );
  }
  const tier = new FeeTier(c.tier, c.makerScalePpm, c.takerScalePpm);
  s.feeTiers.set(tier.tier, tier);
  for (const account of s.accounts.values()) {
    if (account.feeTier.tier === tier.tier) account.feeTier = tier;
  }
  events.push({
    type: "feeTier.set",
    tier: tier.tier,
    makerScalePpm: tier.makerScalePpm,
    takerScalePpm: tier.takerScalePpm,
  });
  return null;
}

export function assignFeeTier(
  s: CoreState,
  c: AssignFeeTierCommand,
  events: CoreEvent[],
): Rejection | null {
  if (!isPositiveId(c.userId)) return reject(RejectCode.InvalidCommand, "userId must be positive");
  const tier = s.feeTiers.get(c.tier);
  if (tier === undefined) return reject(RejectCode.UnknownFeeTier, `unknown fee tier ${c.tier}`);
  s.accountFor(c.userId).feeTier = tier;
  events.push({ type: "feeTier.assigned", userId: c.userId, tier: tier.tier });
  return null;
}
