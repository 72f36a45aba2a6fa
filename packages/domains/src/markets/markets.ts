import type { Market } from "@exchange/contracts/market";
import type { Db } from "@exchange/db";
import { decimalToString } from "../money-format";

/** Markets a trader may see, in display order. Halted markets are listed, with their status. */
export async function listMarkets(db: Db): Promise<Market[]> {
  const markets = await db.market.findMany({
    orderBy: [{ sortOrder: "asc" }, { symbol: "asc" }],
    select: {
      symbol: true,
      baseAsset: true,
      quoteAsset: true,
      priceTick: true,
      lotSize: true,
      minQty: true,
      maxQty: true,
      maxPrice: true,
      minNotional: true,
      maxNotional: true,
      maxOpenOrders: true,
      makerFeeRate: true,
      takerFeeRate: true,
      status: true,
      base: { select: { precision: true } },
      quote: { select: { precision: true } },
    },
  });
  return markets.map(({ base, quote, ...m }) => ({
    symbol: m.symbol,
    baseAsset: m.baseAsset,
    quoteAsset: m.quoteAsset,
    basePrecision: base.precision,
    quotePrecision: quote.precision,
    priceTick: decimalToString(m.priceTick),
    lotSize: decimalToString(m.lotSize),
    minQty: decimalToString(m.minQty),
    maxQty: decimalToString(m.maxQty),
    maxPrice: decimalToString(m.maxPrice),
    minNotional: decimalToString(m.minNotional),
    maxNotional: decimalToString(m.maxNotional),
    maxOpenOrders: m.maxOpenOrders,
    makerFeeRate: decimalToString(m.makerFeeRate),
    takerFeeRate: decimalToString(m.takerFeeRate),
    status: m.status,
  }));
}
