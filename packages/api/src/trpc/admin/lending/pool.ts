import { defundPool, fundPool, loanPools } from "@exchange/domains/lending/pool";
import {
  ZLoanPoolsOutput,
  ZPoolMoveInput,
  ZPoolMoveOutput,
} from "@exchange/domains/lending/pool-contracts";
import { sectionProcedure } from "../../trpc";

/** Each loan pool: balance, outstanding principal, accrued interest, utilisation, insurance. */
export const loanPoolsProcedure = sectionProcedure("products")
  .output(ZLoanPoolsOutput)
  .query(async ({ ctx }) => ({ pools: await loanPools(ctx.services) }));

/** Operator account → a loan pool (an audited engine transfer, once per request id). */
export const fundLoanPoolProcedure = sectionProcedure("products")
  .input(ZPoolMoveInput)
  .output(ZPoolMoveOutput)
  .mutation(({ ctx, input }) =>
    fundPool(ctx.services, { staffId: ctx.actor.staffId, ip: ctx.ip }, input),
  );

/** A loan pool → operator account, refused beyond what the pool holds. */
export const defundLoanPoolProcedure = sectionProcedure("products")
  .input(ZPoolMoveInput)
  .output(ZPoolMoveOutput)
  .mutation(({ ctx, input }) =>
    defundPool(ctx.services, { staffId: ctx.actor.staffId, ip: ctx.ip }, input),
  );
