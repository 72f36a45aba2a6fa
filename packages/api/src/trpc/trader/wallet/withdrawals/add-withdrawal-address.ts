import { addSavedAddress } from "@exchange/domains/wallet/withdrawal-address-book";
import {
  ZWithdrawalAddressAddInput,
  ZWithdrawalAddressEntry,
} from "@exchange/domains/wallet/withdrawal-contracts";
import { protectedProcedure } from "../../../trpc";

/** Saves an address with a label (checked as a withdrawal's destination would be). */
export const addWithdrawalAddressProcedure = protectedProcedure
  .input(ZWithdrawalAddressAddInput)
  .output(ZWithdrawalAddressEntry)
  .mutation(({ ctx, input }) => addSavedAddress(ctx.services, ctx.actor.userId, input));
