import { CONTRACT_SYMBOL_SUFFIX } from "@exchange/contracts/market";
import type { Store } from "../services";

/**
 * The precision of `asset` if a listed perpetual contract settles in it (the quote asset of a
 * `-PERP` market), else null: only such assets go into a futures wallet.
 */
export async function findSettleAssetPrecision(db: Store, asset: string): Promise<number | null> {
  const market = await db.market.findFirst({
    where: { quoteAsset: asset, symbol: { endsWith: CONTRACT_SYMBOL_SUFFIX } },
    select: { quote: { select: { precision: true } } },
  });
  return market?.quote.precision ?? null;
}
