import { formatDecimal, parseDecimal } from "@exchange/contracts/money";

/**
 * When a fill is "large": its value (price × quantity, in the market's quote asset) is at least
 * the line configured for that quote asset. A market whose quote asset has no line never makes
 * a large-fill notification. Configured as `USDT=50000,BTC=1` (the worker's LARGE_FILL_NOTIONALS).
 */
export interface LargeFillLine {
  quoteAsset: string;
  /** The least value, a decimal string in the quote asset. */
  minNotional: string;
}

const ASSET_CODE = /^[A-Z0-9]{1,20}$/;

/** The lines of a `ASSET=decimal,…` text, or the reason it is not one (empty text: no lines). */
export function parseLargeFillLines(text: string): LargeFillLine[] | { problem: string } {
  const lines: LargeFillLine[] = [];
  for (const part of text.split(",").map((p) => p.trim())) {
    if (part === "") continue;
    const [asset, amount, ...rest] = part.split("=").map((p) => p.trim());
    if (!asset || !ASSET_CODE.test(asset) || amount === undefined || rest.length > 0) {
      return { problem: `"${part}" is not ASSET=amount (e.g. USDT=50000)` };
    }
    const value = parseDecimal(amount);
    if (!value || value.units <= 0n) {
      return { problem: `the line of ${asset} must be a positive decimal, not "${amount}"` };
    }
    if (lines.some((line) => line.quoteAsset === asset)) {
      return { problem: `${asset} has two lines` };
    }
    lines.push({ quoteAsset: asset, minNotional: formatDecimal(value) });
  }
  return lines;
}
