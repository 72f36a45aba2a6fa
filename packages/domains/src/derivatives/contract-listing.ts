import type { Market } from "@exchange/contracts/market";
import { type ContractAddCommand, hashText } from "@exchange/core";
import { commandIds, stringifyWire } from "@exchange/protocol";
import { engineMarketConfig } from "../markets/market-config";
import type { RiskTierRecord } from "./derivatives-repository";

/** A perpetual's own terms, in engine units (tier bounds in atoms of the settle asset). */
export interface ContractTerms {
  maxLeverage: number;
  riskTiers: readonly RiskTierRecord[];
  fundingIntervalMs: number;
  fundingCapPpm: number;
  interestPpm: number;
}

/**
 * The `contract.add` that lists a contract of a `markets` row and its terms. Operations' listing
 * (contract-operations.ts) and the reference-data sync at every start both build it here, so
 * they send one id for one listing: the id names the symbol and a hash of everything the engine
 * is told (as `market.add`'s does), and a restart's sync is answered from the journal. The keys
 * are written in one fixed order because the hash is of their JSON.
 */
export function contractAddCommand(
  market: Market,
  terms: ContractTerms,
  ts: number,
): ContractAddCommand {
  const { status, ...config } = engineMarketConfig(market);
  const listing = {
    ...config,
    maxLeverage: terms.maxLeverage,
    riskTiers: terms.riskTiers.map((t) => ({
      maxNotionalAtoms: t.maxNotionalAtoms,
      maintenanceMarginPpm: t.maintenanceMarginPpm,
      maxLeverage: t.maxLeverage,
    })),
    fundingIntervalMs: terms.fundingIntervalMs,
    fundingCapPpm: terms.fundingCapPpm,
    interestPpm: terms.interestPpm,
  };
  const id = commandIds.addMarket(market.symbol, hashText(stringifyWire(listing)));
  return { type: "contract.add", id, ts, ...listing, status };
}
