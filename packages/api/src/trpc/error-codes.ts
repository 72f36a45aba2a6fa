import { AppErrorCode } from "@exchange/domains/errors";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";

/** How each domain error travels over tRPC; a second transport keeps a table like it. */
const TRPC_CODE: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  [AppErrorCode.INVALID_INPUT]: "BAD_REQUEST",
  [AppErrorCode.UNAUTHENTICATED]: "UNAUTHORIZED",
  [AppErrorCode.FORBIDDEN]: "FORBIDDEN",
  [AppErrorCode.INVALID_CREDENTIALS]: "UNAUTHORIZED",
  [AppErrorCode.EMAIL_TAKEN]: "CONFLICT",
  [AppErrorCode.NOT_FOUND]: "NOT_FOUND",
  [AppErrorCode.ORDER_REJECTED]: "UNPROCESSABLE_CONTENT",
  [AppErrorCode.KYC_PENDING]: "CONFLICT",
  [AppErrorCode.KYC_ALREADY_VERIFIED]: "CONFLICT",
  [AppErrorCode.KYC_ALREADY_DECIDED]: "CONFLICT",
  [AppErrorCode.KYC_REQUIRED]: "FORBIDDEN",
  [AppErrorCode.ENGINE_UNAVAILABLE]: "SERVICE_UNAVAILABLE",
  [AppErrorCode.RATE_LIMITED]: "TOO_MANY_REQUESTS",
  [AppErrorCode.EMAIL_NOT_VERIFIED]: "FORBIDDEN",
  [AppErrorCode.TOKEN_INVALID]: "BAD_REQUEST",
  [AppErrorCode.TOKEN_EXPIRED]: "BAD_REQUEST",
  [AppErrorCode.TOKEN_USED]: "BAD_REQUEST",
  [AppErrorCode.INVALID_TWO_FACTOR_CODE]: "BAD_REQUEST",
  [AppErrorCode.TWO_FACTOR_STATE]: "CONFLICT",
  [AppErrorCode.WRONG_PASSWORD]: "BAD_REQUEST",
  [AppErrorCode.STEP_UP_REQUIRED]: "FORBIDDEN",
  [AppErrorCode.WALLET_UNAVAILABLE]: "SERVICE_UNAVAILABLE",
  [AppErrorCode.UNSUPPORTED_ASSET]: "BAD_REQUEST",
  [AppErrorCode.DEPOSIT_ALREADY_DECIDED]: "CONFLICT",
  [AppErrorCode.INSUFFICIENT_BALANCE]: "UNPROCESSABLE_CONTENT",
  [AppErrorCode.WITHDRAWAL_LIMIT]: "UNPROCESSABLE_CONTENT",
  [AppErrorCode.WITHDRAWAL_STATE]: "CONFLICT",
  [AppErrorCode.ALREADY_APPROVED]: "CONFLICT",
  [AppErrorCode.INTERNAL]: "INTERNAL_SERVER_ERROR",
};

export function trpcCodeOf(code: AppErrorCode): TRPC_ERROR_CODE_KEY {
  return TRPC_CODE[code];
}
