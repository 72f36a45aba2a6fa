import { type CoreState, isPositiveId, Rejection, reject } from "../../core-state";
import type { CoreEvent } from "../../events";
import type { Market } from "../../model";
import { RejectCode } from "../../reject-code";
import { CONTRACT_SYMBOL_PATTERN, checkMarketConfig, listMarket } from "../spot/reference-commands";
import type {
  ContractAddCommand,
  PositionSetLeverageCommand,
  PositionSetMarginModeCommand,
  RiskTierConfig,
} from "./commands";
import { availableMarginAtoms, markNotionalAtoms } from "./margin-account";
import {
  initialMarginAtoms,
  prepareRiskTiers,
  type RiskTier,
  riskTiersProblem,
  tierOf,
} from "./margin-math";
import { Perpetual } from "./perpetual";
import { emitPosition } from "./position-events";

/** Funding every 1 minute to every 24 hours. */
const MIN_FUNDING_INTERVAL_MS = 60_000;
const MAX_FUNDING_INTERVAL_MS = 86_400_000;
/** A funding cap or interest above 10 % per interval is surely a typo in ppm. */
const MAX_FUNDING_PPM = 100_000;
const MAX_LEVERAGE = 200;
const MAX_TIERS = 20;

export function addContract(
  s: CoreState,
  c: ContractAddCommand,
  events: CoreEvent[],
): Rejection | null {
  const config = checkMarketConfig(s, c, CONTRACT_SYMBOL_PATTERN);
  if (config instanceof Rejection) return config;
  const tiers = checkTerms(c);
  if (tiers instanceof Rejection) return tiers;
  const market = listMarket(s, config, events);
  const { maxLeverage, fundingIntervalMs, fundingCapPpm, interestPpm } = c;
  const terms = { maxLeverage, fundingIntervalMs, fundingCapPpm, interestPpm };
  market.perpetual = new Perpetual(market, terms, prepareRiskTiers(tiers));
  events.push({ type: "contract.added", symbol: market.symbol, ...terms, riskTiers: c.riskTiers });
  return null;
}

function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;
}

/** The risk tiers in margin-math's form, or why the terms are unusable. */
function checkTerms(c: ContractAddCommand): RiskTier[] | Rejection {
  const invalid = (why: string) => reject(RejectCode.InvalidMarketConfig, why);
  if (!isIntegerIn(c.maxLeverage, 1, MAX_LEVERAGE)) {
    return invalid(`max leverage must be an integer in 1..${MAX_LEVERAGE}`);
  }
  if (!isIntegerIn(c.fundingIntervalMs, MIN_FUNDING_INTERVAL_MS, MAX_FUNDING_INTERVAL_MS)) {
    return invalid("the funding interval must be 1 minute to 24 hours, in ms");
  }
  if (!isIntegerIn(c.fundingCapPpm, 0, MAX_FUNDING_PPM)) {
    return invalid(`the funding cap must be an integer in 0..${MAX_FUNDING_PPM} ppm`);
  }
  if (!isIntegerIn(c.interestPpm, -MAX_FUNDING_PPM, MAX_FUNDING_PPM)) {
    return invalid(`interest must be an integer within ±${MAX_FUNDING_PPM} ppm`);
  }
  if (!Array.isArray(c.riskTiers) || c.riskTiers.length === 0 || c.riskTiers.length > MAX_TIERS) {
    return invalid(`a contract needs 1..${MAX_TIERS} risk tiers`);
  }
  const tiers = c.riskTiers.map(toRiskTier);
  if (tiers.some((t) => t === null)) return invalid("a risk tier has a malformed field");
  const valid = tiers as RiskTier[];
  const problem = riskTiersProblem(valid);
  if (problem !== null) return invalid(problem);
  if ((valid[0] as RiskTier).maxLeverage !== c.maxLeverage) {
    return invalid("the first risk tier's max leverage must be the contract's");
  }
  return valid;
}

function toRiskTier(t: RiskTierConfig): RiskTier | null {
  if (typeof t !== "object" || t === null || typeof t.maxNotionalAtoms !== "bigint") return null;
  if (!isIntegerIn(t.maintenanceMarginPpm, 0, 999_999)) return null;
  if (!isIntegerIn(t.maxLeverage, 1, MAX_LEVERAGE)) return null;
  return {
    maxNotionalAtoms: t.maxNotionalAtoms,
    maintenanceMarginPpm: BigInt(t.maintenanceMarginPpm),
    maxLeverage: t.maxLeverage,
  };
}

/** The perpetual of `symbol`, or why not (unknown market, or a spot market). */
export function findPerpetual(s: CoreState, symbol: string): Perpetual | Rejection {
  const market: Market | undefined = s.findMarket(symbol);
  if (market === undefined) return reject(RejectCode.UnknownMarket, `unknown market ${symbol}`);
  return (
    market.perpetual ?? reject(RejectCode.NotAContract, `${symbol} is not a perpetual contract`)
  );
}

/**
 * The contract of a position command, or why not. Callers check their own fields first: the
 * position (and futures account) is created on first use, which a rejection must not do, and
 * only an existing position can fail the checks that follow.
 */
function positionContract(
  s: CoreState,
  c: { userId: number; symbol: string },
): Perpetual | Rejection {
  if (!isPositiveId(c.userId)) return reject(RejectCode.InvalidCommand, "userId must be positive");
  return findPerpetual(s, c.symbol);
}

export function setLeverage(
  s: CoreState,
  c: PositionSetLeverageCommand,
  events: CoreEvent[],
): Rejection | null {
  const perpetual = positionContract(s, c);
  if (perpetual instanceof Rejection) return perpetual;
  const { tiers, terms, settle } = perpetual;
  if (!isIntegerIn(c.leverage, 1, terms.maxLeverage)) {
    return reject(
      RejectCode.LeverageNotAllowed,
      `leverage must be an integer in 1..${terms.maxLeverage}`,
    );
  }
  const position = perpetual.positionOf(s.futuresAccountFor(c.userId));
  const tierMax = tierOf(tiers, markNotionalAtoms(position)).maxLeverage;
  const most = Math.min(terms.maxLeverage, tierMax);
  if (!isIntegerIn(c.leverage, 1, most)) {
    return reject(RejectCode.LeverageNotAllowed, `leverage must be an integer in 1..${most}`);
  }
  const before = position.leverage;
  // Open orders reserved their margin at the leverage they were placed at; at a lower one their
  // fills would need more than they hold (an isolated fill would take it out of the wallet,
  // and leave its fee to the insurance fund).
  const openOrders = s.accounts.get(c.userId)?.openOrderCounts[perpetual.market.index] ?? 0;
  if (c.leverage < before && openOrders > 0) {
    return reject(
      RejectCode.LeverageNotAllowed,
      "cancel the open orders in the contract before lowering the leverage",
    );
  }
  position.leverage = c.leverage;
  const lowered = c.leverage < before && position.mode === "cross" && position.qtyLots !== 0n;
  if (lowered && availableMarginAtoms(position.futures, settle) < 0n) {
    position.leverage = before;
    const needs = initialMarginAtoms(markNotionalAtoms(position), c.leverage);
    return reject(
      RejectCode.LeverageNotAllowed,
      `at ${c.leverage}× the position needs ${needs} atoms of initial margin, more than is available`,
    );
  }
  emitPosition(s, position, 0n, "position.setLeverage", events);
  return null;
}

export function setMarginMode(
  s: CoreState,
  c: PositionSetMarginModeCommand,
  events: CoreEvent[],
): Rejection | null {
  const perpetual = positionContract(s, c);
  if (perpetual instanceof Rejection) return perpetual;
  if (c.mode !== "cross" && c.mode !== "isolated") {
    return reject(RejectCode.InvalidCommand, 'mode must be "cross" or "isolated"');
  }
  const position = perpetual.positionOf(s.futuresAccountFor(c.userId));
  const openOrders =
    s.accounts.get(c.userId)?.openOrderCounts[position.perpetual.market.index] ?? 0;
  if (position.qtyLots !== 0n || openOrders > 0) {
    return reject(
      RejectCode.PositionOrOrdersOpen,
      "close the position and cancel its orders before changing the margin mode",
    );
  }
  position.mode = c.mode;
  emitPosition(s, position, 0n, "position.setMarginMode", events);
  return null;
}
