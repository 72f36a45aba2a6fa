/**
 * EVM transaction pieces the wallet domain builds without a key: the call data of an ERC-20
 * `transfer`, and a signed transaction's hash, computed locally (keccak-256 of the raw bytes)
 * so it is known, and stored, before the transaction is broadcast.
 */
import { type Address, encodeFunctionData, erc20Abi, getAddress, type Hex, keccak256 } from "viem";

/** Call data of `transfer(to, amount)` on an ERC-20 token. */
export function tokenTransferData(to: string, amount: bigint): Hex {
  return encodeFunctionData({
    abi: erc20Abi,
    functionName: "transfer",
    args: [getAddress(to) as Address, amount],
  });
}

/** The hash a node gives a signed raw transaction. */
export function signedTransactionHash(raw: string): Hex {
  return keccak256(raw as Hex);
}

/** An address in its EIP-55 form (throws on anything that is not an address). */
export function checksumAddress(address: string): Address {
  return getAddress(address);
}
