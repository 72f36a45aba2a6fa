import { type Decimal, parseDecimal } from "@exchange/contracts/money";
import { findMarketTrades } from "../market-data/market-data-repository";
import { readTicker } from "../market-data/market-data-ticker";
import { marketDirectory } from "../markets/market-directory";
import type { Services } from "../services";

/**
 * The last traded price of `base` in `quote` on this exchange (`ETH` in `USDT` is the ETHUSDT
 * market's): the 24 h ticker's last price, else the latest trade in the read model. Undefined
 * when there is no such market or it has never traded. Used to value a withdrawal against the
 * daily limit (in USDT) and to price a token withdrawal's gas: the exchange's own price, not an
 * outside feed, so every valuation can be replayed from our data.
 */
export async function lastPrice(
  services: Services,
  base: string,
  quote: string,
): Promise<Decimal | undefined> {
  const symbol = `${base}${quote}`;
  const market = (await marketDirectory(services).all()).get(symbol);
  if (!market) return undefined;
  const ticker = await readTicker(services, symbol).catch(() => undefined);
  const fromTicker = ticker?.last ? parseDecimal(ticker.last) : null;
  if (fromTicker && fromTicker.units > 0n) return fromTicker;
  const [trade] = await findMarketTrades(services.db, symbol, 1);
  if (!trade) return undefined;
  return parseDecimal(market.units.price(trade.priceTicks)) ?? undefined;
}
