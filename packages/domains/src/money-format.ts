/**
 * A decimal value as a repository reads it from a NUMERIC column (Prisma's Decimal, described
 * by the one method used here, so this module needs no Prisma import).
 */
export interface StoredDecimal {
  toFixed(): string;
}

/**
 * A stored NUMERIC as the decimal string the wire carries (SPEC §3). Plain notation, never
 * exponent form, no trailing zeros: "0.00001", not "1e-5" or "0.000010000000000000".
 */
export function decimalToString(value: StoredDecimal): string {
  return value.toFixed();
}

/**
 * A stored NUMERIC(40,0) of engine units (ticks, lots, atoms) as the bigint it is: toFixed()
 * gives all the digits exactly, BigInt takes them. Repositories convert once, here.
 */
export function storedInteger(value: StoredDecimal): bigint {
  return BigInt(value.toFixed());
}
