import type { Prisma } from "@exchange/db";

/**
 * A stored NUMERIC as the decimal string the wire carries (SPEC §3). Plain notation, never
 * exponent form, no trailing zeros: "0.00001", not "1e-5" or "0.000010000000000000".
 */
export function decimalToString(value: Prisma.Decimal): string {
  return value.toFixed();
}
