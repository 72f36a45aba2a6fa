import { isContractSymbol } from "@exchange/contracts/market";
import { type MarketInfo, marketDirectory } from "@exchange/domains/markets/market-directory";
import type { Services } from "@exchange/domains/services";
import { binanceErrors } from "./binance-errors";
import type { SymbolSelection } from "./binance-params";

/**
 * Our market symbols are already Binance's form (`BTCUSDT`: base then quote, upper case), so a
 * symbol maps to itself; an unknown one is -1121. This is Binance's spot API: perpetual
 * contracts (`BTCUSDT-PERP`) are not among its symbols.
 */
export async function marketOf(services: Services, symbol: string): Promise<MarketInfo> {
  const market = (await spotMarkets(services)).get(symbol);
  if (!market) throw binanceErrors.badSymbol();
  return market;
}

async function spotMarkets(services: Services): Promise<Map<string, MarketInfo>> {
  const all = await marketDirectory(services).all();
  return new Map([...all].filter(([symbol]) => !isContractSymbol(symbol)));
}

/** The markets a `symbol` / `symbols` / neither request names, in the markets' display order. */
export async function marketsOf(
  services: Services,
  selection: SymbolSelection,
): Promise<MarketInfo[]> {
  const all = await spotMarkets(services);
  if (selection.kind === "all") return [...all.values()];
  const symbols = selection.kind === "one" ? [selection.symbol] : selection.symbols;
  return symbols.map((symbol) => {
    const market = all.get(symbol);
    if (!market) throw binanceErrors.badSymbol();
    return market;
  });
}
