import { decimalText } from "@exchange/contracts/money";
import type { Store } from "../services";

/** What the savings domain reads of `assets`: an asset's bounds and the decimals of its atoms. */

/** The asset a product is offered in, as its terms are bounded by; null when none has the code. */
export async function findTermsAsset(db: Store, code: string) {
  const asset = await db.asset.findUnique({
    where: { code },
    select: { code: true, precision: true, status: true, maxAmount: true },
  });
  return asset ? { ...asset, maxAmount: decimalText(asset.maxAmount) } : null;
}

/** The precision (decimals of its atoms) of each asset named, by code. */
export interface AssetPrecisions {
  /** Throws for a code that names no asset: savings rows only name existing assets, and a
   * guessed precision would misstate every amount. */
  get(code: string): number;
}

export async function findAssetPrecisions(
  db: Store,
  codes: readonly string[],
): Promise<AssetPrecisions> {
  const assets =
    codes.length === 0
      ? []
      : await db.asset.findMany({
          where: { code: { in: [...new Set(codes)] } },
          select: { code: true, precision: true },
        });
  const byCode = new Map(assets.map((a) => [a.code, a.precision]));
  return {
    get(code) {
      const precision = byCode.get(code);
      if (precision === undefined) throw new Error(`savings: no asset ${code}`);
      return precision;
    },
  };
}
