import { parseDecimal } from "@exchange/contracts/money";

/** The asset a newcomer is pointed to first: every market is quoted in it. */
export const FUNDING_ASSET = "USDT";

/** Whether every balance is zero (or there is none): the account has yet to be funded. */
export function isUnfunded(balances: readonly { total: string }[]): boolean {
  return balances.every((b) => {
    const total = parseDecimal(b.total);
    return total === null || total.units === 0n;
  });
}
