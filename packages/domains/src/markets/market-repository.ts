import type { Market } from "@exchange/contracts/market";
import { decimalText } from "@exchange/contracts/money";
import type { Store } from "../services";

/**
 * Reference data's repository: the only code that reads `markets` and `assets`. Decimal columns
 * come back as the wire's decimal strings (SPEC §3); the engine's integer units are derived from
 * them in market-config.ts. Operators change these tables; the engine learns of a change by the
 * commands of reference-data.ts.
 */

/** Markets a trader may see, in display order. Halted markets are listed, with their status. */
export async function findMarkets(db: Store): Promise<Market[]> {
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

/** Every asset, code order, with its precision and largest amount (a decimal string). */
export async function findAssets(db: Store) {
  const assets = await db.asset.findMany({
    orderBy: { code: "asc" },
    select: { code: true, precision: true, maxAmount: true },
  });
  return assets.map((a) => ({
    code: a.code,
    precision: a.precision,
    maxAmount: decimalText(a.maxAmount),
  }));
}
