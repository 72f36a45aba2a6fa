import { isUniqueViolation, type Store } from "../services";

/** The user's saved withdrawal addresses (`withdrawal_addresses`): the only code that touches it. */
export interface SavedAddress {
  id: number;
  chainKey: string;
  address: string;
  label: string;
  createdAt: Date;
}

const SELECT = { id: true, chainKey: true, address: true, label: true, createdAt: true } as const;

/** A user keeps at most this many addresses. */
export const ADDRESS_BOOK_MAX = 100;

export function findSavedAddresses(
  db: Store,
  userId: number,
  chainKey?: string,
): Promise<SavedAddress[]> {
  return db.withdrawalAddress.findMany({
    where: { userId, ...(chainKey ? { chainKey } : {}) },
    orderBy: { createdAt: "desc" },
    take: ADDRESS_BOOK_MAX,
    select: SELECT,
  });
}

export function countSavedAddresses(db: Store, userId: number): Promise<number> {
  return db.withdrawalAddress.count({ where: { userId } });
}

/** Saves an address with its label; an address already saved gets the new label. */
export async function saveAddress(
  db: Store,
  entry: { userId: number; chainKey: string; address: string; label: string },
): Promise<SavedAddress> {
  try {
    return await db.withdrawalAddress.create({ data: entry, select: SELECT });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const { userId, chainKey, address, label } = entry;
    return db.withdrawalAddress.update({
      where: { userId_chainKey_address: { userId, chainKey, address } },
      data: { label },
      select: SELECT,
    });
  }
}

/** Removes one of the user's addresses; false when the user has no such entry. */
export async function removeSavedAddress(db: Store, userId: number, id: number): Promise<boolean> {
  const { count } = await db.withdrawalAddress.deleteMany({ where: { id, userId } });
  return count === 1;
}
