import type { Deposit, Withdrawal } from "@exchange/contracts/wallet";

/**
 * A deposit push written into a cached list of deposits (newest first): replaces the deposit
 * with the same id, or puts a new one on top when the list is of its asset (or of every asset).
 * Pure, so the cache's rules are tested without React.
 */
export function applyDepositPush(
  list: { deposits: Deposit[] } | undefined,
  deposit: Deposit,
  listAsset: string | undefined,
): { deposits: Deposit[] } | undefined {
  if (!list) return list;
  if (listAsset !== undefined && listAsset !== deposit.asset) return list;
  const at = list.deposits.findIndex((d) => d.id === deposit.id);
  if (at === -1) {
    return { deposits: [deposit, ...list.deposits].sort((a, b) => b.id - a.id) };
  }
  const deposits = [...list.deposits];
  deposits[at] = deposit;
  return { deposits };
}

/** A withdrawal push written into a cached list: in place of its older self, or first when new. */
export function mergeWithdrawal(
  list: Withdrawal[] | undefined,
  pushed: Withdrawal,
): Withdrawal[] | undefined {
  if (!list) return list;
  const at = list.findIndex((w) => w.id === pushed.id);
  if (at === -1) return [pushed, ...list];
  return list.map((w, i) => (i === at ? pushed : w));
}
