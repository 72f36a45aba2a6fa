import { getAddress } from "viem";

/**
 * What a typed EVM address is (EIP-55):
 * - `ok`: 0x and 40 hex digits whose letters are all one case (no checksum carried: accepted,
 *   as wallets and EIP-55 itself accept them) or whose mixed case matches the checksum; the
 *   address comes back checksummed, the one form the exchange stores;
 * - `checksum`: mixed case that does not match: a mistyped character, refused;
 * - `shape`: not 0x + 40 hex digits at all.
 */
export type EvmAddressCheck =
  | { ok: true; address: string }
  | { ok: false; reason: "shape" | "checksum" };

const HEX_ADDRESS = /^0x[0-9a-fA-F]{40}$/;

export function checkEvmAddress(text: string): EvmAddressCheck {
  if (!HEX_ADDRESS.test(text)) return { ok: false, reason: "shape" };
  const checksummed = getAddress(text.toLowerCase());
  const digits = text.slice(2);
  const oneCase = digits === digits.toLowerCase() || digits === digits.toUpperCase();
  if (oneCase || checksummed === text) return { ok: true, address: checksummed };
  return { ok: false, reason: "checksum" };
}
