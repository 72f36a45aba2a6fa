import { z } from "zod";
import { ZDecimal } from "./wire";

/** The user's funds in one asset: `@balance`, the balances list. `total` = available + frozen. */
export const ZBalance = z.object({
  asset: z.string(),
  available: ZDecimal,
  frozen: ZDecimal,
  total: ZDecimal,
});
export type Balance = z.output<typeof ZBalance>;

/** A user's funds in one asset, in atoms. */
export interface BalanceFacts {
  asset: string;
  availableAtoms: bigint;
  frozenAtoms: bigint;
}

/**
 * The balance for the wire, `format` writing atoms of the asset as a decimal string (undefined
 * for an asset it does not know, and then so is the balance).
 */
export function encodeBalance(
  balance: BalanceFacts,
  format: (atoms: bigint, asset: string) => string | undefined,
): Balance | undefined {
  const available = format(balance.availableAtoms, balance.asset);
  const frozen = format(balance.frozenAtoms, balance.asset);
  const total = format(balance.availableAtoms + balance.frozenAtoms, balance.asset);
  if (available === undefined || frozen === undefined || total === undefined) return undefined;
  return { asset: balance.asset, available, frozen, total };
}
