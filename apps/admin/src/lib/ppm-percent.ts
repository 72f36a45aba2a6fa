import { divide, formatUnits } from "@exchange/contracts/money";
import { padDecimals } from "./decimal-display";

/**
 * A ratio in ppm (800 000 = 80 %) as percent text with two decimals. An LTV is rounded up and
 * a distance to a line down (toward −∞), so neither shows a loan safer than it is.
 */
export function ppmPercent(ppm: number, rounding: "up" | "down"): string {
  return padDecimals(formatUnits(divide(BigInt(ppm), 100n, rounding), 2), 2);
}
