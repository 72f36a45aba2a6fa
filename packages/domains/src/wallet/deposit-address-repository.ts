import type { Store } from "../services";
import { isUniqueViolation } from "../services";

/**
 * The `deposit_addresses` table: the only code that reads or writes it. One address per user
 * per chain, derived from the wallet's xpub at the user's id and recorded on first request so
 * the chain watcher knows which addresses are users'.
 */

/** The user's recorded address on the chain, or undefined before the first request. */
export async function findDepositAddress(
  db: Store,
  chainKey: string,
  userId: number,
): Promise<string | undefined> {
  const row = await db.depositAddress.findUnique({
    where: { chainKey_userId: { chainKey, userId } },
    select: { address: true },
  });
  return row?.address;
}

/**
 * Records the user's address; a second request racing the first finds the row the first wrote.
 * Answers the address recorded, which is the one to show.
 */
export async function recordDepositAddress(
  db: Store,
  entry: { chainKey: string; userId: number; address: string },
): Promise<string> {
  try {
    await db.depositAddress.create({ data: entry, select: { address: true } });
    return entry.address;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await findDepositAddress(db, entry.chainKey, entry.userId);
    if (!existing) throw error;
    return existing;
  }
}

/** Every user address on the chain and its owner, for the watcher's filters. */
export async function findDepositAddressOwners(
  db: Store,
  chainKey: string,
): Promise<Map<string, number>> {
  const rows = await db.depositAddress.findMany({
    where: { chainKey },
    select: { address: true, userId: true },
  });
  return new Map(rows.map((r) => [r.address, r.userId]));
}
