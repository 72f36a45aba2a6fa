/** Which way a market moved over 24 h, read from the ticker's percentage text. */
export type ChangeDirection = "up" | "down" | "flat";

/**
 * The direction of a decimal percentage as the API sends it ("1.25", "-0.40", "0.00"). Read
 * from the text, never through `number`, so "-0.00" and "0" are flat, not down.
 */
export function changeDirection(percent: string): ChangeDirection {
  const nonZero = /[1-9]/.test(percent);
  if (!nonZero) return "flat";
  return percent.trim().startsWith("-") ? "down" : "up";
}

/** The magnitude with an explicit sign: "+1.25", "−0.40" (a real minus), "0.00". */
export function signedPercent(percent: string): { sign: string; magnitude: string } {
  const magnitude = percent.trim().replace(/^[+-]/, "");
  const direction = changeDirection(percent);
  return { sign: direction === "up" ? "+" : direction === "down" ? "−" : "", magnitude };
}
