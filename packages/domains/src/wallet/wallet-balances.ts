import { formatUnits, parseUnits } from "@exchange/contracts/money";
import { z } from "zod";
import { findAssets } from "../markets/market-repository";
import type { Services } from "../services";
import { listBalances } from "../trading/order-queries";
import { findEnabledChainAssets } from "./chain-asset-repository";
import { findPendingWithdrawalAtoms } from "./wallet-balance-repository";

/** One asset's line on the Wallet page. Decimal strings of the asset. */
export const ZWalletBalance = z.object({
  asset: z.string(),
  /** Free to trade or withdraw. */
  available: z.string(),
  /** Frozen by open orders: the engine's frozen balance less the pending withdrawals. */
  inOrders: z.string(),
  /** Amount + fee of withdrawals on their way (frozen until settled or released). */
  pendingWithdrawal: z.string(),
  total: z.string(),
  /** Whether the wallet's chain carries it: deposits and withdrawals are offered only then. */
  onChain: z.boolean(),
});
export const ZWalletBalancesOutput = z.object({ balances: z.array(ZWalletBalance) });
export type WalletBalance = z.infer<typeof ZWalletBalance>;

/**
 * The user's balances as the Wallet page shows them: the engine's available and frozen (from
 * the read model), the frozen part split into open orders and pending withdrawals.
 */
export async function listWalletBalances(
  services: Services,
  userId: number,
): Promise<WalletBalance[]> {
  const [balances, pending, assets, chainAssets] = await Promise.all([
    listBalances(services, userId),
    findPendingWithdrawalAtoms(services.db, userId),
    findAssets(services.db),
    services.wallet ? findEnabledChainAssets(services.db, services.wallet.key) : [],
  ]);
  const onChain = new Set(chainAssets.map((a) => a.assetCode));
  const precisionOf = new Map(assets.map((a) => [a.code, a.precision]));
  return balances.flatMap((balance) => {
    const precision = precisionOf.get(balance.asset);
    if (precision === undefined) return [];
    const frozen = parseUnits(balance.frozen, precision);
    const withdrawing = pending.get(balance.asset) ?? 0n;
    // A withdrawal row may lead the read model by a moment: never show negative orders.
    const inOrders = frozen > withdrawing ? frozen - withdrawing : 0n;
    return [
      {
        asset: balance.asset,
        available: balance.available,
        inOrders: formatUnits(inOrders, precision),
        pendingWithdrawal: formatUnits(withdrawing, precision),
        total: balance.total,
        onChain: onChain.has(balance.asset),
      },
    ];
  });
}
