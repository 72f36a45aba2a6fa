import {
  ZFinanceDepositsInput,
  ZFinanceDepositsOutput,
} from "@exchange/domains/wallet/deposit-contracts";
import { listDepositsForFinance } from "@exchange/domains/wallet/deposits";
import { sectionProcedure } from "../../../trpc";

/** Deposits newest first, by status, asset, flag or user: finance's review list. */
export const listFinanceDepositsProcedure = sectionProcedure("deposits")
  .input(ZFinanceDepositsInput)
  .output(ZFinanceDepositsOutput)
  .query(({ ctx, input }) =>
    listDepositsForFinance(ctx.services, {
      status: input.status,
      assetCode: input.asset,
      flagged: input.flagged,
      userId: input.userId,
      beforeId: input.beforeId,
      limit: input.limit,
    }),
  );
