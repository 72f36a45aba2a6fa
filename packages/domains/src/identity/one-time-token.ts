import { createHash, randomBytes } from "node:crypto";

/**
 * Secrets handed to a person once (mailed links, recovery codes, log-in challenges). Only a
 * SHA-256 of each is stored: a leaked table cannot be replayed. Tokens carry 256 random bits, so
 * a fast unsalted hash is enough; there is nothing to brute-force.
 */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Why a stored token cannot be used now, or null when it can. */
export type TokenProblem = "used" | "expired";

export function tokenProblem(
  row: { usedAt: Date | null; expiresAt: Date },
  now: Date,
): TokenProblem | null {
  if (row.usedAt !== null) return "used";
  if (row.expiresAt.getTime() <= now.getTime()) return "expired";
  return null;
}

/**
 * Ten recovery codes of 10 base32 characters (50 bits each) grouped for reading, like
 * `K7QX2-MN4PA`. Enough that guessing one within the log-in rate limit is hopeless.
 */
export function newRecoveryCodes(count = 10): string[] {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return Array.from({ length: count }, () => {
    const chars = [...randomBytes(10)].map((b) => alphabet[b & 31]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** A recovery code as typed: case, spaces and the dash do not matter. */
export function normalizeRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, "");
}
