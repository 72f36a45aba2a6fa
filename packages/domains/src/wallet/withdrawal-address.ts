import { checkEvmAddress } from "@exchange/chain/evm-address";
import { AppError, AppErrorCode } from "../errors";
import type { Services } from "../services";
import type { WalletChain } from "./wallet-chain";
import { findBlockedAddress, isDepositAddress } from "./withdrawal-rules-repository";

/**
 * A destination address as typed, checked for the network it is sent on. EVM addresses follow
 * EIP-55: mixed case must match the checksum (a mistyped character is caught); one-case hex
 * carries no checksum and is accepted, as EIP-55 and wallets accept it, and stored checksummed.
 * An address of another chain family is named as such, not just "invalid".
 */

/** Address shapes of other networks, to tell a user which network they copied from. */
const OTHER_NETWORKS: readonly [RegExp, string][] = [
  [/^(bc1|tb1|bcrt1)[0-9a-z]{8,87}$/i, "Bitcoin"],
  [/^[13mn2][1-9A-HJ-NP-Za-km-z]{25,34}$/, "Bitcoin"],
  [/^T[1-9A-HJ-NP-Za-km-z]{33}$/, "Tron"],
  [/^[1-9A-HJ-NP-Za-km-z]{32,44}$/, "Solana"],
];

function addressError(message: string): AppError {
  return new AppError(AppErrorCode.INVALID_INPUT, message, { address: [message] });
}

/** The checksummed form of an address on `wallet`'s chain, or INVALID_INPUT saying why not. */
export function checksummedAddress(wallet: WalletChain, text: string): string {
  const typed = text.trim();
  const check = checkEvmAddress(typed);
  if (check.ok) return check.address;
  if (check.reason === "checksum") {
    return fail(
      "The address's checksum does not match: a character may be mistyped. Copy it again from the receiving wallet.",
    );
  }
  const other = OTHER_NETWORKS.find(([pattern]) => pattern.test(typed));
  if (other) {
    return fail(
      `This looks like a ${other[1]} address. On ${wallet.key} send to an address that starts with 0x.`,
    );
  }
  return fail("This is not an address on this network: it should be 0x and 40 hex digits.");
}

function fail(message: string): never {
  throw addressError(message);
}

/**
 * The address a withdrawal may go to: well formed, not the exchange's own (its hot wallet or
 * any user's deposit address: an internal move is not a chain withdrawal), not blocklisted.
 */
export async function checkDestination(
  services: Services,
  wallet: WalletChain,
  text: string,
): Promise<string> {
  const address = checksummedAddress(wallet, text);
  const own =
    address === wallet.addresses.hotWalletAddress ||
    (await isDepositAddress(services.db, wallet.key, address));
  if (own) {
    throw addressError(
      "This is an address of the exchange itself. Send to an address outside the exchange.",
    );
  }
  if (await findBlockedAddress(services.db, wallet.key, address)) {
    throw addressError("Withdrawals to this address are not allowed.");
  }
  return address;
}

/** The process's chain, when `network` names it; else a typed error. */
export function walletFor(services: Services, network: string): WalletChain {
  const wallet = services.wallet;
  if (!wallet) {
    throw new AppError(
      AppErrorCode.WALLET_UNAVAILABLE,
      "Withdrawals are not available right now. Please try again later.",
    );
  }
  if (network !== wallet.key) {
    const message = `Network ${network} is not supported. Use ${wallet.key}.`;
    throw new AppError(AppErrorCode.INVALID_INPUT, message, { network: [message] });
  }
  return wallet;
}
