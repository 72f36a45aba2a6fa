import { isContractSymbol } from "@exchange/contracts/market";

/**
 * Where a market is traded: a spot market on `/trade/<SYMBOL>`, a perpetual contract
 * (`BTCUSDT-PERP`) on `/futures/<SYMBOL>`, its own screen with positions and margin.
 */
export function marketHref(symbol: string): string {
  return isContractSymbol(symbol) ? `/futures/${symbol}` : `/trade/${symbol}`;
}
