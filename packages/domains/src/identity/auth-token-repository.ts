import type { Store, Tx } from "../services";
import type { AuthTokenPurpose } from "./identity-enums";

/**
 * Mailed single-use tokens' repository: the only code that touches `auth_tokens`. Rows are
 * found by the token's hash (the token itself is never stored); using one up is a conditional
 * update, so of two simultaneous uses only one succeeds. Whether a token may be used is decided
 * in auth-tokens.ts.
 */
export interface AuthTokenRow {
  id: number;
  userId: number;
  purpose: AuthTokenPurpose;
  usedAt: Date | null;
  expiresAt: Date;
}

export async function insertAuthToken(
  db: Store,
  row: { userId: number; purpose: AuthTokenPurpose; tokenHash: string; expiresAt: Date },
): Promise<void> {
  await db.authToken.create({ data: row });
}

export function findAuthToken(db: Store, tokenHash: string): Promise<AuthTokenRow | null> {
  return db.authToken.findUnique({
    where: { tokenHash },
    select: { id: true, userId: true, purpose: true, usedAt: true, expiresAt: true },
  });
}

/** Marks the token used at `now` unless someone did first; true when this call did. */
export async function claimAuthToken(tx: Tx, tokenId: number, now: Date): Promise<boolean> {
  const claimed = await tx.authToken.updateMany({
    where: { id: tokenId, usedAt: null },
    data: { usedAt: now },
  });
  return claimed.count === 1;
}

/** Marks every unused token of one purpose of the user used at `now`. */
export async function retireAuthTokens(
  tx: Tx,
  input: { userId: number; purpose: AuthTokenPurpose; now: Date },
): Promise<void> {
  await tx.authToken.updateMany({
    where: { userId: input.userId, purpose: input.purpose, usedAt: null },
    data: { usedAt: input.now },
  });
}

/** The email of the token's owner and whether it is verified, or null for an unknown token. */
export async function findAuthTokenOwner(
  db: Store,
  tokenHash: string,
): Promise<{ email: string; emailVerifiedAt: Date | null } | null> {
  const row = await db.authToken.findUnique({
    where: { tokenHash },
    select: { user: { select: { email: true, emailVerifiedAt: true } } },
  });
  return row?.user ?? null;
}
