import { CONTRACT_SYMBOL_SUFFIX } from "@exchange/contracts/market";
import { decimalText, parseUnits, storedUnits } from "@exchange/contracts/money";
import type { Store } from "../services";
import type { IndexMethod, IndexPair } from "./index-price";

/** What the index price reads of `markets` and writes to `index_prices`. */

/**
 * The pairs a loan could need: every market, not closed, whose quote asset is one of the loan
 * assets (the stablecoins), with what converting its prices takes.
 */
export async function findIndexPairs(
  db: Store,
  loanAssets: readonly string[],
): Promise<IndexPair[]> {
  const markets = await db.market.findMany({
    // A perpetual's book is not an index source: its mark is derived from this index.
    where: {
      quoteAsset: { in: [...loanAssets] },
      status: { not: "CLOSED" },
      symbol: { not: { endsWith: CONTRACT_SYMBOL_SUFFIX } },
    },
    select: {
      symbol: true,
      baseAsset: true,
      quoteAsset: true,
      priceTick: true,
      quote: { select: { precision: true } },
    },
    orderBy: { symbol: "asc" },
  });
  return markets.map((m) => ({
    symbol: m.symbol,
    asset: m.baseAsset,
    quote: m.quoteAsset,
    tickSizeAtoms: parseUnits(decimalText(m.priceTick), m.quote.precision),
    quotePrecision: m.quote.precision,
  }));
}

export interface IndexPriceRow {
  asset: string;
  quote: string;
  priceAtoms: bigint;
  method: IndexMethod;
  sources: string;
  samples: number;
  at: Date;
}

/** Records the indices of one pass, one statement. */
export async function recordIndexPrices(db: Store, rows: readonly IndexPriceRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.indexPrice.createMany({
    data: rows.map((row) => ({ ...row, priceAtoms: row.priceAtoms.toString() })),
  });
}

/** Deletes the samples taken before `before`; returns how many. */
export async function pruneIndexPrices(db: Store, before: Date): Promise<number> {
  const { count } = await db.indexPrice.deleteMany({ where: { at: { lt: before } } });
  return count;
}

/** A pair's recorded samples, newest first (operations' view, tests). */
export async function findRecentIndexPrices(
  db: Store,
  pair: { asset: string; quote: string },
  limit: number,
): Promise<IndexPriceRow[]> {
  const rows = await db.indexPrice.findMany({
    where: { asset: pair.asset, quote: pair.quote },
    orderBy: { at: "desc" },
    take: limit,
    select: {
      asset: true,
      quote: true,
      priceAtoms: true,
      method: true,
      sources: true,
      samples: true,
      at: true,
    },
  });
  return rows.map((r) => ({
    ...r,
    priceAtoms: storedUnits(r.priceAtoms),
    method: r.method === "mid" ? "mid" : "last",
  }));
}
