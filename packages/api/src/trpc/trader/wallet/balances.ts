import {
  listWalletBalances,
  ZWalletBalancesOutput,
} from "@exchange/domains/wallet/wallet-balances";
import { protectedProcedure } from "../../trpc";

/** The caller's balances per asset: available, in orders, pending withdrawal, total. */
export const walletBalancesProcedure = protectedProcedure
  .output(ZWalletBalancesOutput)
  .query(async ({ ctx }) => ({
    balances: await listWalletBalances(ctx.services, ctx.actor.userId),
  }));
