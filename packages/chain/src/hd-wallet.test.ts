import { HDKey } from "@scure/bip32";
import { entropyToMnemonic, mnemonicToSeedSync } from "@scure/bip39";
import { wordlist } from "@scure/bip39/wordlists/english.js";
import fc from "fast-check";
import { getAddress } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
import {
  ADDRESS_INDEX_MAX,
  EVM_ACCOUNT_PATH,
  type HdWalletErrorCode,
  parseAccountXpub,
} from "./hd-wallet";
import {
  HARDHAT_ACCOUNT_XPUB,
  HARDHAT_ADDRESSES,
  HARDHAT_MNEMONIC,
} from "./hd-wallet-test-vectors";

const hardhat = parseAccountXpub(HARDHAT_ACCOUNT_XPUB);
const hardhatRoot = HDKey.fromMasterSeed(mnemonicToSeedSync(HARDHAT_MNEMONIC));

function codeOf(run: () => unknown): HdWalletErrorCode | "no error" {
  try {
    run();
    return "no error";
  } catch (error) {
    if (error instanceof Error && error.name === "HdWalletError") {
      return (error as Error & { code: HdWalletErrorCode }).code;
    }
    throw error;
  }
}

describe("deposit addresses from the account xpub", () => {
  it("gives Hardhat's published accounts at m/44'/60'/0'/0/0…2 from the xpub alone", () => {
    expect([0, 1, 2].map((index) => hardhat.depositAddress(index))).toEqual(HARDHAT_ADDRESSES);
  });

  it("gives the hot wallet's address, m/44'/60'/0'/1/0, from the xpub alone", () => {
    const reference = mnemonicToAccount(HARDHAT_MNEMONIC, { changeIndex: 1, addressIndex: 0 });
    expect(hardhat.hotWalletAddress).toBe(reference.address);
    expect(HARDHAT_ADDRESSES).not.toContain(hardhat.hotWalletAddress);
  });

  it("gives the same address for a user every time, checksummed by EIP-55", () => {
    const address = hardhat.depositAddress(ADDRESS_INDEX_MAX);
    expect(parseAccountXpub(HARDHAT_ACCOUNT_XPUB).depositAddress(ADDRESS_INDEX_MAX)).toBe(address);
    expect(getAddress(address.toLowerCase())).toBe(address);
  });

  it("derives from the xpub what the mnemonic's private keys control, for any index", () => {
    // viem's own BIP32/BIP44 derivation from the private side is the independent reference.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: ADDRESS_INDEX_MAX }), (index) => {
        const fromKey = mnemonicToAccount(HARDHAT_MNEMONIC, { addressIndex: index }).address;
        expect(hardhat.depositAddress(index)).toBe(fromKey);
      }),
      { numRuns: 25 },
    );
  });

  it("agrees with the private side for any mnemonic", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        fc.integer({ min: 0, max: ADDRESS_INDEX_MAX }),
        (entropy, index) => {
          const mnemonic = entropyToMnemonic(entropy, wordlist);
          const root = HDKey.fromMasterSeed(mnemonicToSeedSync(mnemonic));
          const addresses = parseAccountXpub(root.derive(EVM_ACCOUNT_PATH).publicExtendedKey);
          const fromKey = mnemonicToAccount(mnemonic, { addressIndex: index }).address;
          expect(addresses.depositAddress(index)).toBe(fromKey);
        },
      ),
      { numRuns: 10 },
    );
  });
});

describe("refusing what is not an account xpub", () => {
  it("refuses any text that is not an extended key", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        expect(codeOf(() => parseAccountXpub(text))).toBe("xpub_invalid");
      }),
    );
  });

  it("refuses the xpub with any one character changed (the base58 checksum)", () => {
    const alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: HARDHAT_ACCOUNT_XPUB.length - 1 }),
        fc.constantFrom(...alphabet),
        (at, char) => {
          fc.pre(HARDHAT_ACCOUNT_XPUB[at] !== char);
          const changed =
            HARDHAT_ACCOUNT_XPUB.slice(0, at) + char + HARDHAT_ACCOUNT_XPUB.slice(at + 1);
          expect(codeOf(() => parseAccountXpub(changed))).toBe("xpub_invalid");
        },
      ),
    );
  });

  it("refuses an extended private key, which must never leave the signer", () => {
    const xprv = hardhatRoot.derive(EVM_ACCOUNT_PATH).privateExtendedKey;
    expect(codeOf(() => parseAccountXpub(xprv))).toBe("xpub_is_private");
  });

  it("refuses the xpub of another level than the account", () => {
    expect(codeOf(() => parseAccountXpub(hardhatRoot.publicExtendedKey))).toBe("xpub_not_account");
    const branch = hardhatRoot.derive(`${EVM_ACCOUNT_PATH}/0`).publicExtendedKey;
    expect(codeOf(() => parseAccountXpub(branch))).toBe("xpub_not_account");
  });

  it("accepts surrounding whitespace, as an environment file may add", () => {
    expect(parseAccountXpub(` ${HARDHAT_ACCOUNT_XPUB}\n`).depositAddress(0)).toBe(
      HARDHAT_ADDRESSES[0],
    );
  });
});

describe("address index bounds", () => {
  it("accepts every non-hardened index, the range of user ids", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: ADDRESS_INDEX_MAX }), (index) => {
        expect(hardhat.depositAddress(index)).toMatch(/^0x[0-9a-fA-F]{40}$/);
      }),
      { numRuns: 30 },
    );
  });

  it("refuses negative, hardened, fractional and unsafe indices", () => {
    const outside = fc.oneof(
      fc.integer({ min: Number.MIN_SAFE_INTEGER, max: -1 }),
      fc.integer({ min: ADDRESS_INDEX_MAX + 1, max: Number.MAX_SAFE_INTEGER }),
      fc.double().filter((x) => !Number.isInteger(x)),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53),
    );
    fc.assert(
      fc.property(outside, (index) => {
        expect(codeOf(() => hardhat.depositAddress(index))).toBe("index_out_of_range");
      }),
    );
  });
});
