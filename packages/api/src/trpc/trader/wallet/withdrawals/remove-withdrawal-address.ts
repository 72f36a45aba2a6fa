import { removeAddress } from "@exchange/domains/wallet/withdrawal-address-book";
import { ZWithdrawalAddressRemoveInput } from "@exchange/domains/wallet/withdrawal-contracts";
import { z } from "zod";
import { protectedProcedure } from "../../../trpc";

/** Removes one of the caller's saved addresses; another user's is "not found". */
export const removeWithdrawalAddressProcedure = protectedProcedure
  .input(ZWithdrawalAddressRemoveInput)
  .output(z.object({ removed: z.literal(true) }))
  .mutation(({ ctx, input }) => removeAddress(ctx.services, ctx.actor.userId, input.id));
