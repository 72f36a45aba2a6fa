import { ZCreateContractInput } from "@exchange/domains/derivatives/contract-listing-contracts";
import { createContract } from "@exchange/domains/derivatives/contract-operations";
import { ZCreateMarketOutput } from "@exchange/domains/markets/market-operations-contracts";
import { sectionProcedure } from "../../trpc";

/**
 * Lists a perpetual contract (issue 20 §1): its market row and terms, then the engine's
 * `contract.add`; halted and resumed afterwards like any market (`setStatus`).
 */
export const createContractProcedure = sectionProcedure("markets")
  .input(ZCreateContractInput)
  .output(ZCreateMarketOutput)
  .mutation(({ ctx, input }) =>
    createContract(ctx.services, { staffId: ctx.actor.staffId, ip: ctx.ip }, input),
  );
