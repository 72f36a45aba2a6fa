import { isContractSymbol, type Market } from "@exchange/contracts/market";
import type { Services } from "../services";
import { marketDirectory } from "./market-directory";
import { findMarkets } from "./market-repository";

/** Markets as the table holds them now, in display order: for staff, who change them. */
export function listMarkets(services: Services): Promise<Market[]> {
  return findMarkets(services.db);
}

/**
 * Spot markets a trader may see, in display order; halted markets are listed, with their status.
 * From the process's market directory, which every order already trusts: a change shows within
 * its few seconds, and the list costs no query (every page asks for it). Perpetual contracts
 * have their own list (`futures.contracts`).
 */
export async function listTraderMarkets(services: Services): Promise<Market[]> {
  const markets = await marketDirectory(services).all();
  return Array.from(markets.values(), (market) => market.dto).filter(
    (market) => !isContractSymbol(market.symbol),
  );
}

/** The perpetual contracts' markets (their steps, limits, fees and status), in display order. */
export async function listTraderContractMarkets(services: Services): Promise<Market[]> {
  const markets = await marketDirectory(services).all();
  return Array.from(markets.values(), (market) => market.dto).filter((market) =>
    isContractSymbol(market.symbol),
  );
}
