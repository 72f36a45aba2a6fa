/**
 * Deposit addresses from an extended PUBLIC key (BIP32), so the processes that show and watch
 * deposit addresses (web, admin, worker) never hold a private key: only the signer does
 * (signer.ts), and it hands out the account xpub this module reads.
 *
 * Paths (BIP44, `m / purpose' / coin_type' / account' / change / address_index`):
 * - `m/44'/60'/0'` is the account: purpose 44 (BIP44), coin type 60 (Ether, SLIP-44; every EVM
 *   chain shares it, as wallets do), account 0. Its xpub is `WALLET_XPUB`.
 * - `m/44'/60'/0'/0/i` is user i's deposit address: the external branch (0) that wallets use for
 *   receiving, and the index is the user id, so each user has one stable address without a table
 *   of allocations and any process with the xpub derives the same one.
 * - `m/44'/60'/0'/1/0` is the hot wallet: index 0 of the internal branch (BIP44's "change"), so
 *   it is never a user's deposit address whatever the user id, and any process with the xpub
 *   knows where sweeps go and whose balance to watch.
 * - The indices are non-hardened (a public key cannot derive hardened children), so they are
 *   below 2^31: 0 ≤ i ≤ 2^31 − 1, which bounds user ids exactly (INT4 ids, input-bounds.ts).
 *
 * Caution (BIP32): the xpub together with the private key of ANY one of its non-hardened
 * children yields the account's private key, hence every deposit key and the hot wallet's. So
 * the signer never exports a child key, not even one deposit key for a manual rescue; the
 * hardened levels above keep such a leak inside this one account.
 *
 * Addresses are EIP-55 checksummed (viem's `publicKeyToAddress`).
 */
import { ECDH } from "node:crypto";
import { HDKey } from "@scure/bip32";
import { type Address, bytesToHex, type Hex } from "viem";
import { publicKeyToAddress } from "viem/accounts";

/** The BIP44 account of EVM deposit addresses; `WALLET_XPUB` is the xpub of this node. */
export const EVM_ACCOUNT_PATH = "m/44'/60'/0'";

/** BIP44 `change` level of deposit addresses: the external (receiving) branch. */
export const DEPOSIT_BRANCH = 0;

/** BIP44 `change` level of the exchange's own addresses: the internal branch. */
export const HOT_WALLET_BRANCH = 1;

/** The hot wallet's index on its branch: one hot wallet per chain family. */
export const HOT_WALLET_INDEX = 0;

/** Highest non-hardened child index (2^31 − 1), hence the highest user id with an address. */
export const ADDRESS_INDEX_MAX = 0x7fff_ffff;

/** Depth of an account node below the master key (`m/44'/60'/0'`). */
const ACCOUNT_DEPTH = 3;

/** Why an xpub or an index was refused. */
export type HdWalletErrorCode =
  /** Not a base58check BIP32 extended key of the mainnet `xpub` version. */
  | "xpub_invalid"
  /** An extended PRIVATE key: the processes that derive addresses must never hold one. */
  | "xpub_is_private"
  /** A valid xpub, but not of an account node (depth 3, hardened), e.g. the master's. */
  | "xpub_not_account"
  /** Not an integer in 0 … ADDRESS_INDEX_MAX. */
  | "index_out_of_range";

export class HdWalletError extends Error {
  override name = "HdWalletError";
  constructor(
    readonly code: HdWalletErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** An account's public side: the exchange's addresses, and no key. */
export interface WalletAddresses {
  /** The account xpub they derive from, trimmed. */
  readonly accountXpub: string;
  /** The EIP-55 address of `m/44'/60'/0'/1/0`, where sweeps go and withdrawals come from. */
  readonly hotWalletAddress: Address;
  /** The EIP-55 deposit address of user `userId`: `m/44'/60'/0'/0/<userId>`. */
  depositAddress(userId: number): Address;
}

/** Validates an account-level xpub (`WALLET_XPUB`); throws HdWalletError with a code. */
export function parseAccountXpub(xpub: string): WalletAddresses {
  const accountXpub = xpub.trim();
  const account = decodeXpub(accountXpub);
  const deposits = account.deriveChild(DEPOSIT_BRANCH);
  return {
    accountXpub,
    hotWalletAddress: publicKeyAddress(hotWalletNode(account)),
    depositAddress: (userId) => publicKeyAddress(deposits.deriveChild(checkAddressIndex(userId))),
  };
}

/** The hot wallet's node below an account node (public or private). */
export function hotWalletNode(account: HDKey): HDKey {
  return account.deriveChild(HOT_WALLET_BRANCH).deriveChild(HOT_WALLET_INDEX);
}

/** `index` if it can name a non-hardened child (a user id with an address), else throws. */
export function checkAddressIndex(index: number): number {
  if (!Number.isSafeInteger(index) || index < 0 || index > ADDRESS_INDEX_MAX) {
    throw new HdWalletError(
      "index_out_of_range",
      `An address index is an integer from 0 to ${ADDRESS_INDEX_MAX}; got ${String(index)}.`,
    );
  }
  return index;
}

/** The EIP-55 address of a BIP32 node (from its public key, so a public node will do). */
export function publicKeyAddress(node: HDKey): Address {
  if (!node.publicKey) throw new Error("A BIP32 node always has a public key.");
  return publicKeyToAddress(uncompressed(node.publicKey));
}

function decodeXpub(xpub: string): HDKey {
  let key: HDKey;
  try {
    key = HDKey.fromExtendedKey(xpub);
  } catch {
    throw new HdWalletError(
      "xpub_invalid",
      "Not an extended public key: expected the base58 `xpub…` of m/44'/60'/0'.",
    );
  }
  if (key.privateKey) {
    throw new HdWalletError(
      "xpub_is_private",
      "An extended private key was given where the account xpub belongs; hand out only the xpub.",
    );
  }
  if (key.depth !== ACCOUNT_DEPTH || key.index < ADDRESS_INDEX_MAX + 1) {
    throw new HdWalletError(
      "xpub_not_account",
      `Expected the xpub of an account (${EVM_ACCOUNT_PATH}, depth 3); got one at depth ${key.depth}.`,
    );
  }
  return key;
}

/** viem derives the address from both coordinates; BIP32 keeps the compressed point. */
function uncompressed(publicKey: Uint8Array): Hex {
  const point = ECDH.convertKey(bytesToHex(publicKey).slice(2), "secp256k1", "hex", "hex");
  return `0x${String(point)}`;
}
