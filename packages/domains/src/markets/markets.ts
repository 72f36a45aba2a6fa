import { decimalText } from "@exchange/contracts/money";
import type { Db } from "@exchange/db";
import type { MarketDto } from "./market-contracts";

/** Markets a trader may see, in display order. Halted markets are listed, with their status. */
export async function listMarkets(db: Db): Promise<MarketDto[]> {
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
    priceTick: decimalText(m.priceTick),
    lotSize: decimalText(m.lotSize),
    minQty: decimalText(m.minQty),
    maxQty: decimalText(m.maxQty),
    maxPrice: decimalText(m.maxPrice),
    minNotional: decimalText(m.minNotional),
    maxNotional: decimalText(m.maxNotional),
    maxOpenOrders: m.maxOpenOrders,
    makerFeeRate: decimalText(m.makerFeeRate),
    takerFeeRate: decimalText(m.takerFeeRate),
    status: m.status,
  }));
}
