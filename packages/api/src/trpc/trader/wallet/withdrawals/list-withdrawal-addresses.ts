import { listSavedAddresses } from "@exchange/domains/wallet/withdrawal-address-book";
import {
  ZWithdrawalAddressListInput,
  ZWithdrawalAddressListOutput,
} from "@exchange/domains/wallet/withdrawal-contracts";
import { protectedProcedure } from "../../../trpc";

/** The caller's address book, newest first. */
export const listWithdrawalAddressesProcedure = protectedProcedure
  .input(ZWithdrawalAddressListInput)
  .output(ZWithdrawalAddressListOutput)
  .query(({ ctx, input }) => listSavedAddresses(ctx.services, ctx.actor.userId, input.network));
