import {
  ZWithdrawalOutput,
  ZWithdrawalRequestInput,
} from "@exchange/domains/wallet/withdrawal-contracts";
import { requestWithdrawal } from "@exchange/domains/wallet/withdrawals";
import { protectedProcedure } from "../../../trpc";

/**
 * Requests a withdrawal, confirmed by the second factor in the request itself (a TOTP code, or
 * the password where two-factor is off). The same `requestKey` twice is one withdrawal.
 */
export const requestWithdrawalProcedure = protectedProcedure
  .input(ZWithdrawalRequestInput)
  .output(ZWithdrawalOutput)
  .mutation(({ ctx, input }) => requestWithdrawal(ctx.services, ctx.actor.userId, input, ctx.ip));
