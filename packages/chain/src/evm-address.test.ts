import { describe, expect, it } from "vitest";
import { checkEvmAddress } from "./evm-address";

const CHECKSUMMED = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

describe("EVM addresses (EIP-55)", () => {
  it("accept a valid checksum and one-case digits, answering the checksummed form", () => {
    expect(checkEvmAddress(CHECKSUMMED)).toEqual({ ok: true, address: CHECKSUMMED });
    expect(checkEvmAddress(CHECKSUMMED.toLowerCase())).toEqual({ ok: true, address: CHECKSUMMED });
    expect(checkEvmAddress(`0x${CHECKSUMMED.slice(2).toUpperCase()}`)).toEqual({
      ok: true,
      address: CHECKSUMMED,
    });
  });

  it("refuse mixed case with a wrong checksum, and anything not 0x + 40 hex digits", () => {
    expect(checkEvmAddress("0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")).toEqual({
      ok: false,
      reason: "checksum",
    });
    for (const text of [
      "",
      "0x",
      "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
      `${CHECKSUMMED}0`,
      "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
    ]) {
      expect(checkEvmAddress(text)).toEqual({ ok: false, reason: "shape" });
    }
  });
});
