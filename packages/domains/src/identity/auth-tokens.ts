import type { AuthTokenPurpose, Db, Prisma } from "@exchange/db";
import { AppError, AppErrorCode } from "../errors";
import { hashToken, newToken, tokenProblem } from "./one-time-token";

/** Issues a mailed token for `userId`; only its hash is stored. Returns the token itself. */
export async function issueAuthToken(
  db: Db,
  input: { userId: number; purpose: AuthTokenPurpose; validMs: number; now?: Date },
): Promise<string> {
  const token = newToken();
  const now = input.now ?? new Date();
  await db.authToken.create({
    data: {
      userId: input.userId,
      purpose: input.purpose,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + input.validMs),
    },
  });
  return token;
}

function tokenError(problem: "used" | "expired"): AppError {
  return problem === "used"
    ? new AppError(AppErrorCode.TOKEN_USED, "This link has already been used.")
    : new AppError(AppErrorCode.TOKEN_EXPIRED, "This link has expired. Please ask for a new one.");
}

/** The stored token if it may be used now, else TOKEN_INVALID / TOKEN_USED / TOKEN_EXPIRED. */
async function findUsableAuthToken(
  tx: Prisma.TransactionClient,
  input: { token: string; purpose: AuthTokenPurpose; now: Date },
): Promise<{ id: number; userId: number }> {
  const row = await tx.authToken.findUnique({
    where: { tokenHash: hashToken(input.token) },
    select: { id: true, userId: true, purpose: true, usedAt: true, expiresAt: true },
  });
  if (!row || row.purpose !== input.purpose) {
    throw new AppError(
      AppErrorCode.TOKEN_INVALID,
      "This link is not valid. Please check it or ask for a new one.",
    );
  }
  const problem = tokenProblem(row, input.now);
  if (problem) throw tokenError(problem);
  return row;
}

/**
 * Throws as `consumeAuthToken` would, without using the token up: lets a caller refuse a bad
 * link before doing costly work for it.
 */
export async function assertAuthTokenUsable(
  db: Prisma.TransactionClient,
  input: { token: string; purpose: AuthTokenPurpose; now?: Date },
): Promise<void> {
  await findUsableAuthToken(db, { ...input, now: input.now ?? new Date() });
}

/**
 * Marks the token used and returns its user id, inside `tx`, or throws TOKEN_INVALID /
 * TOKEN_USED / TOKEN_EXPIRED. The conditional update makes two simultaneous uses of one token
 * impossible: only one of them finds `used_at` still empty.
 */
export async function consumeAuthToken(
  tx: Prisma.TransactionClient,
  input: { token: string; purpose: AuthTokenPurpose; now?: Date },
): Promise<{ userId: number }> {
  const now = input.now ?? new Date();
  const row = await findUsableAuthToken(tx, { ...input, now });
  const claimed = await tx.authToken.updateMany({
    where: { id: row.id, usedAt: null },
    data: { usedAt: now },
  });
  if (claimed.count !== 1) throw tokenError("used");
  return { userId: row.userId };
}

/** Retires every unused token of one purpose (a newer mail or a finished reset supersedes them). */
export async function retireAuthTokens(
  tx: Prisma.TransactionClient,
  input: { userId: number; purpose: AuthTokenPurpose; now?: Date },
): Promise<void> {
  await tx.authToken.updateMany({
    where: { userId: input.userId, purpose: input.purpose, usedAt: null },
    data: { usedAt: input.now ?? new Date() },
  });
}
