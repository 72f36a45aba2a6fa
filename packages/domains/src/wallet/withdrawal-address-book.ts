import { AppError, AppErrorCode } from "../errors";
import type { Services } from "../services";
import { checkDestination, walletFor } from "./withdrawal-address";
import {
  ADDRESS_BOOK_MAX,
  countSavedAddresses,
  findSavedAddresses,
  removeSavedAddress,
  type SavedAddress,
  saveAddress,
} from "./withdrawal-address-repository";

/** A user's address book: addresses with labels, picked on the Withdraw page. */

const entryOf = (a: SavedAddress) => ({
  id: a.id,
  network: a.chainKey,
  address: a.address,
  label: a.label,
  createdAt: a.createdAt,
});

export async function listSavedAddresses(services: Services, userId: number, network?: string) {
  return (await findSavedAddresses(services.db, userId, network)).map(entryOf);
}

/** Saves an address (checked as a withdrawal's would be) with a label. */
export async function addSavedAddress(
  services: Services,
  userId: number,
  input: { network: string; address: string; label: string },
) {
  const wallet = walletFor(services, input.network);
  const address = await checkDestination(services, wallet, input.address);
  if ((await countSavedAddresses(services.db, userId)) >= ADDRESS_BOOK_MAX) {
    const message = `The address book holds ${ADDRESS_BOOK_MAX} addresses. Remove one first.`;
    throw new AppError(AppErrorCode.INVALID_INPUT, message, { address: [message] });
  }
  const saved = await saveAddress(services.db, {
    userId,
    chainKey: wallet.key,
    address,
    label: input.label.trim(),
  });
  return entryOf(saved);
}

export async function removeAddress(services: Services, userId: number, id: number) {
  if (!(await removeSavedAddress(services.db, userId, id))) {
    throw new AppError(AppErrorCode.NOT_FOUND, "That address is not in your address book.");
  }
  return { removed: true as const };
}
