/**
 * The signer: the only code that holds the wallet's mnemonic and derives private keys. The rest
 * of the system gets the account xpub (`WALLET_XPUB`, from which hd-wallet.ts derives deposit
 * addresses) and signed raw transactions, never a key. Only a signer process imports this module
 * (a boundary rule says so); web, admin, the API and the worker get the xpub alone.
 *
 * Keys, all under the BIP44 account `m/44'/60'/0'` (hd-wallet.ts says why, and why no child key
 * may ever leave this module):
 * - deposit address of user i: `m/44'/60'/0'/0/i` (the external branch);
 * - hot wallet: `m/44'/60'/0'/1/0`, index 0 of the internal branch (BIP44's "change"), so it
 *   can never be a user's deposit address whatever the user id, and it is not one of the
 *   accounts a local Hardhat node funds from the public test mnemonic (those are `…/0/0…19`).
 *
 * The mnemonic is BIP39 English without a passphrase. The key material lives in a closure: the
 * object handed out has the xpub, the hot wallet's address and functions, so JSON, toString,
 * inspection or a log line of it cannot reveal a key; errors never quote the mnemonic.
 *
 * Transactions are EIP-1559 with every field given (chain id, nonce, gas, fees): the signer has
 * no chain access, the chain adapter fills them and broadcasts the raw transaction returned.
 */
import { HDKey } from "@scure/bip32";
import { generateMnemonic, mnemonicToSeedSync, validateMnemonic } from "@scure/bip39";
import { wordlist } from "@scure/bip39/wordlists/english.js";
import {
  type Address,
  bytesToHex,
  decodeFunctionData,
  erc20Abi,
  type Hex,
  isAddress,
  isAddressEqual,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import {
  checkAddressIndex,
  DEPOSIT_BRANCH,
  EVM_ACCOUNT_PATH,
  hotWalletNode,
  publicKeyAddress,
} from "./hd-wallet";

/** Why the signer refused. */
export type SignerErrorCode =
  /** Not a BIP39 English mnemonic (unknown word, wrong count or checksum). */
  | "mnemonic_invalid"
  /** A transaction field out of its range (a bug of the caller, never signed). */
  | "transaction_invalid"
  /** A transaction from a deposit address that does not move funds to the hot wallet. */
  | "not_a_sweep";

export class SignerError extends Error {
  override name = "SignerError";
  constructor(
    readonly code: SignerErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** An EIP-1559 transaction with every field the signature covers; amounts in wei. */
export interface Eip1559Request {
  chainId: number;
  nonce: number;
  to: Address;
  /** Wei sent; 0 when absent (a token transfer carries its amount in `data`). */
  value?: bigint;
  /** Call data, e.g. an ERC-20 `transfer`. */
  data?: Hex;
  gas: bigint;
  maxFeePerGas: bigint;
  maxPriorityFeePerGas: bigint;
}

export interface Signer {
  /** xpub of `m/44'/60'/0'`: what the other processes need to derive deposit addresses. */
  readonly accountXpub: string;
  /** EIP-55 address of `m/44'/60'/0'/1/0`. */
  readonly hotWalletAddress: Address;
  /** Signs a transaction sent by the hot wallet (withdrawals, gas for sweeps); raw hex. */
  signFromHotWallet(transaction: Eip1559Request): Promise<Hex>;
  /**
   * Signs a sweep from user `userId`'s deposit address: ether to the hot wallet (no call data),
   * or an ERC-20 `transfer(hotWallet, amount)` with no ether. Anything else is refused, so a
   * caller of the signer cannot send users' deposits elsewhere. Raw hex.
   */
  signSweep(userId: number, transaction: Eip1559Request): Promise<Hex>;
}

/** Builds the signer from `SIGNER_MNEMONIC`; throws SignerError `mnemonic_invalid`. */
export function createSigner(mnemonic: string): Signer {
  const account = accountKey(mnemonic);
  const hotWallet = hotWalletNode(account);
  const hotWalletAddress = publicKeyAddress(hotWallet);
  const deposits = account.deriveChild(DEPOSIT_BRANCH);
  return Object.freeze({
    accountXpub: account.publicExtendedKey,
    hotWalletAddress,
    signFromHotWallet: (transaction: Eip1559Request) => sign(hotWallet, transaction),
    // async, so a bad user id rejects like every other refusal instead of throwing.
    signSweep: async (userId: number, transaction: Eip1559Request) => {
      checkSweep(transaction, hotWalletAddress);
      return sign(deposits.deriveChild(checkAddressIndex(userId)), transaction);
    },
  });
}

/** A fresh random mnemonic for a new wallet (24 words, 256 bits of entropy): dev and tests. */
export function generateSignerMnemonic(): string {
  return generateMnemonic(wordlist, 256);
}

/** Whitespace is not part of a mnemonic: an environment file may wrap or pad it. */
function normalizeMnemonic(mnemonic: string): string {
  return mnemonic.trim().split(/\s+/).join(" ");
}

function accountKey(mnemonic: string): HDKey {
  const words = normalizeMnemonic(mnemonic);
  if (!validateMnemonic(words, wordlist)) {
    // Never quote the text: it is (nearly) a secret and error messages reach logs.
    throw new SignerError(
      "mnemonic_invalid",
      `SIGNER_MNEMONIC is not a BIP39 English mnemonic (12 to 24 words from the list, with a valid checksum); it has ${words ? words.split(" ").length : 0} words.`,
    );
  }
  const root = HDKey.fromMasterSeed(mnemonicToSeedSync(words));
  const account = root.derive(EVM_ACCOUNT_PATH);
  root.wipePrivateData();
  return account;
}

async function sign(node: HDKey, transaction: Eip1559Request): Promise<Hex> {
  checkTransaction(transaction);
  if (!node.privateKey) throw new Error("The signer's nodes are private.");
  const account = privateKeyToAccount(bytesToHex(node.privateKey));
  // Field by field, so the signature covers exactly what was checked, whatever else the object holds.
  const { chainId, nonce, to, value, data, gas, maxFeePerGas, maxPriorityFeePerGas } = transaction;
  const fields = { chainId, nonce, to, value, data, gas, maxFeePerGas, maxPriorityFeePerGas };
  return account.signTransaction({ type: "eip1559", ...fields });
}

/** The fields a signature commits to must be in range; the adapter filled them from the chain. */
function checkTransaction(transaction: Eip1559Request): void {
  const { chainId, nonce, gas, maxFeePerGas, maxPriorityFeePerGas, value = 0n } = transaction;
  const rules: [boolean, string][] = [
    [Number.isSafeInteger(chainId) && chainId > 0, "chainId must be a positive integer"],
    [Number.isSafeInteger(nonce) && nonce >= 0, "nonce must be a non-negative integer"],
    [isAddress(transaction.to), "to must be an address (EIP-55 checksummed when mixed case)"],
    [gas > 0n, "gas must be positive"],
    [
      maxPriorityFeePerGas >= 0n && maxFeePerGas >= maxPriorityFeePerGas,
      "fees must satisfy 0 ≤ maxPriorityFeePerGas ≤ maxFeePerGas",
    ],
    [value >= 0n, "value must not be negative"],
  ];
  const broken = rules.find(([holds]) => !holds);
  if (broken) throw new SignerError("transaction_invalid", `Not signed: ${broken[1]}.`);
}

/** Ether to the hot wallet, or a token `transfer` to it; the signature can move nothing else. */
function checkSweep(transaction: Eip1559Request, hotWallet: Address): void {
  const { to, data = "0x", value = 0n } = transaction;
  const isHotWallet = (address: Address | undefined) =>
    address !== undefined && isAddress(address) && isAddressEqual(address, hotWallet);
  const sweepsEther = data === "0x" && isHotWallet(to);
  const sweepsToken = value === 0n && isHotWallet(tokenRecipient(data));
  if (!sweepsEther && !sweepsToken) {
    throw new SignerError(
      "not_a_sweep",
      "Not signed: a deposit address sends only to the hot wallet (ether, or an ERC-20 transfer).",
    );
  }
}

/** The recipient of an ERC-20 `transfer` call; undefined for any other data. */
function tokenRecipient(data: Hex): Address | undefined {
  try {
    const call = decodeFunctionData({ abi: erc20Abi, data });
    return call.functionName === "transfer" ? call.args[0] : undefined;
  } catch {
    return undefined;
  }
}
