import { AppError, AppErrorCode } from "../errors";
import type { Store, Tx } from "../services";
import { claimAuthToken, findAuthToken, insertAuthToken } from "./auth-token-repository";
import type { AuthTokenPurpose } from "./identity-enums";
import { hashToken, newToken, tokenProblem } from "./one-time-token";

/** Issues a mailed token for `userId`, valid `validMs` from `now`; only its hash is stored. Returns the token itself. */
export async function issueAuthToken(
  db: Store,
  input: { userId: number; purpose: AuthTokenPurpose; validMs: number; now: Date },
): Promise<string> {
  const token = newToken();
  const { now } = input;
  await insertAuthToken(db, {
    userId: input.userId,
    purpose: input.purpose,
    tokenHash: hashToken(token),
    expiresAt: new Date(now.getTime() + input.validMs),
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
  db: Store,
  input: { token: string; purpose: AuthTokenPurpose; now: Date },
): Promise<{ id: number; userId: number }> {
  const row = await findAuthToken(db, hashToken(input.token));
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
  db: Store,
  input: { token: string; purpose: AuthTokenPurpose; now: Date },
): Promise<void> {
  await findUsableAuthToken(db, input);
}

/**
 * Marks the token used and returns its user id, inside `tx`, or throws TOKEN_INVALID /
 * TOKEN_USED / TOKEN_EXPIRED. The conditional update makes two simultaneous uses of one token
 * impossible: only one of them finds `used_at` still empty.
 */
export async function consumeAuthToken(
  tx: Tx,
  input: { token: string; purpose: AuthTokenPurpose; now: Date },
): Promise<{ userId: number }> {
  const row = await findUsableAuthToken(tx, input);
  if (!(await claimAuthToken(tx, row.id, input.now))) throw tokenError("used");
  return { userId: row.userId };
}
