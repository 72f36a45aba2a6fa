import { verifyPassword } from "@exchange/db/password";
import { AppError, AppErrorCode } from "../errors";
import { checkRateLimit, countRateEvent, RATE_LIMITS } from "../identity/rate-limit";
import { verifySecondFactor } from "../identity/two-factor";
import { findPasswordFactors } from "../identity/two-factor-repository";
import type { Services } from "../services";

/**
 * The second factor a withdrawal needs: a current TOTP (or recovery) code where the account
 * has two-factor on, else the account's password. Identity's own checks do the verifying (a
 * code is used once); failures count against the same limit as a step-up (5 per 15 minutes),
 * so a stolen session cannot guess its way through.
 */
export interface WithdrawalFactor {
  code?: string | undefined;
  password?: string | undefined;
}

const TOO_MANY = "Too many failed confirmations. Try again later.";

export async function verifyWithdrawalFactor(
  services: Services,
  userId: number,
  factor: WithdrawalFactor,
  ip: string | undefined,
): Promise<void> {
  const { redis, redisPrefix } = services;
  const subject = `user:${userId}`;
  await checkRateLimit(redis, redisPrefix, RATE_LIMITS.stepUpAccount, subject, TOO_MANY);
  try {
    await checkFactor(services, userId, factor, ip);
  } catch (error) {
    if (
      error instanceof AppError &&
      (error.code === AppErrorCode.WRONG_PASSWORD ||
        error.code === AppErrorCode.INVALID_TWO_FACTOR_CODE)
    ) {
      await countRateEvent(redis, redisPrefix, RATE_LIMITS.stepUpAccount, subject);
    }
    throw error;
  }
}

async function checkFactor(
  services: Services,
  userId: number,
  factor: WithdrawalFactor,
  ip: string | undefined,
): Promise<void> {
  const principal = { type: "USER", id: userId } as const;
  const account = await findPasswordFactors(services.db, principal);
  if (!account) throw new AppError(AppErrorCode.UNAUTHENTICATED, "Please log in.");
  if (account.totpEnabledAt !== null) {
    if (!factor.code) {
      const message = "Enter the 6-digit code from your authenticator app.";
      throw new AppError(AppErrorCode.INVALID_TWO_FACTOR_CODE, message, { code: [message] });
    }
    await verifySecondFactor(services, principal, { code: factor.code, ip });
    return;
  }
  if (!factor.password) {
    const message = "Enter your password to confirm the withdrawal.";
    throw new AppError(AppErrorCode.WRONG_PASSWORD, message, { password: [message] });
  }
  if (!(await verifyPassword(account.passwordHash, factor.password))) {
    const message = "That password is not right.";
    throw new AppError(AppErrorCode.WRONG_PASSWORD, message, { password: [message] });
  }
}
