import { inspect } from "node:util";
import { HDKey } from "@scure/bip32";
import { entropyToMnemonic, generateMnemonic, mnemonicToSeedSync } from "@scure/bip39";
import { wordlist } from "@scure/bip39/wordlists/english.js";
import fc from "fast-check";
import {
  type Address,
  bytesToHex,
  encodeFunctionData,
  erc20Abi,
  getAddress,
  parseTransaction,
  recoverTransactionAddress,
} from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
import { ADDRESS_INDEX_MAX, EVM_ACCOUNT_PATH, parseAccountXpub } from "./hd-wallet";
import {
  HARDHAT_ACCOUNT_XPUB,
  HARDHAT_ADDRESSES,
  HARDHAT_MNEMONIC,
} from "./hd-wallet-test-vectors";
import { createSigner, type Eip1559Request, type SignerErrorCode } from "./signer";

const signer = createSigner(HARDHAT_MNEMONIC);

/** A token contract on the local chain; the signer never needs to know which. */
const TOKEN = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

const tokenSweep = (to: Address): Eip1559Request => ({
  ...transfer,
  to: TOKEN,
  value: 0n,
  gas: 60_000n,
  data: encodeFunctionData({ abi: erc20Abi, functionName: "transfer", args: [to, 25_000_000n] }),
});

const transfer: Eip1559Request = {
  chainId: 31_337,
  nonce: 7,
  to: HARDHAT_ADDRESSES[2],
  value: 1_500_000_000_000_000_000n,
  gas: 21_000n,
  maxFeePerGas: 30_000_000_000n,
  maxPriorityFeePerGas: 1_000_000_000n,
};

function codeOf(run: () => unknown): SignerErrorCode | "no error" {
  try {
    run();
    return "no error";
  } catch (error) {
    if (error instanceof Error && error.name === "SignerError") {
      return (error as Error & { code: SignerErrorCode }).code;
    }
    throw error;
  }
}

describe("the signer's public side", () => {
  it("hands out the account xpub of m/44'/60'/0', from which deposit addresses derive", () => {
    expect(signer.accountXpub).toBe(HARDHAT_ACCOUNT_XPUB);
    expect(parseAccountXpub(signer.accountXpub).depositAddress(0)).toBe(HARDHAT_ADDRESSES[0]);
  });

  it("puts the hot wallet at m/44'/60'/0'/1/0, apart from every deposit address", () => {
    const reference = mnemonicToAccount(HARDHAT_MNEMONIC, { changeIndex: 1, addressIndex: 0 });
    expect(signer.hotWalletAddress).toBe(reference.address);
    expect(parseAccountXpub(signer.accountXpub).hotWalletAddress).toBe(signer.hotWalletAddress);
  });
});

describe("signing", () => {
  it("signs an EIP-1559 transaction the hot wallet sends, and nothing else changes", async () => {
    const raw = await signer.signFromHotWallet(transfer);
    expect(await recoverTransactionAddress({ serializedTransaction: raw as never })).toBe(
      signer.hotWalletAddress,
    );
    const parsed = parseTransaction(raw);
    expect({ ...parsed, to: parsed.to && getAddress(parsed.to) }).toMatchObject({
      ...transfer,
      type: "eip1559",
    });
  });

  it("signs a sweep of ether from user i's deposit address to the hot wallet", async () => {
    const sweep = { ...transfer, to: signer.hotWalletAddress, nonce: 0 };
    for (const userId of [0, 1, 2]) {
      const raw = await signer.signSweep(userId, sweep);
      const sender = await recoverTransactionAddress({ serializedTransaction: raw as never });
      expect(sender).toBe(HARDHAT_ADDRESSES[userId]);
    }
  });

  it("signs a sweep of tokens: an ERC-20 transfer to the hot wallet", async () => {
    const raw = await signer.signSweep(1, tokenSweep(signer.hotWalletAddress));
    expect(await recoverTransactionAddress({ serializedTransaction: raw as never })).toBe(
      HARDHAT_ADDRESSES[1],
    );
    expect(parseTransaction(raw).data).toBe(tokenSweep(signer.hotWalletAddress).data);
  });

  it("refuses from a deposit address anything but a sweep to the hot wallet", async () => {
    const elsewhere = HARDHAT_ADDRESSES[2];
    const approve = encodeFunctionData({
      abi: erc20Abi,
      functionName: "approve",
      args: [signer.hotWalletAddress, 10n ** 30n],
    });
    const refused: Eip1559Request[] = [
      { ...transfer, to: elsewhere },
      { ...transfer, to: signer.hotWalletAddress, data: "0xdeadbeef" },
      tokenSweep(elsewhere),
      { ...tokenSweep(signer.hotWalletAddress), value: 1n },
      { ...tokenSweep(signer.hotWalletAddress), data: approve },
    ];
    for (const transaction of refused) {
      await expect(signer.signSweep(1, transaction)).rejects.toMatchObject({
        code: "not_a_sweep",
      });
    }
  });

  it("signs from the address the xpub derives, for any user id", async () => {
    const addresses = parseAccountXpub(signer.accountXpub);
    const sweep = { ...transfer, to: signer.hotWalletAddress };
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: ADDRESS_INDEX_MAX }), async (userId) => {
        const raw = await signer.signSweep(userId, sweep);
        const sender = await recoverTransactionAddress({ serializedTransaction: raw as never });
        expect(sender).toBe(addresses.depositAddress(userId));
      }),
      { numRuns: 15 },
    );
  });

  it("refuses a user id that names no deposit address", async () => {
    await expect(
      signer.signSweep(-1, { ...transfer, to: signer.hotWalletAddress }),
    ).rejects.toMatchObject({
      code: "index_out_of_range",
    });
  });

  it("refuses fields out of range instead of signing them", async () => {
    const bad: Partial<Eip1559Request>[] = [
      { chainId: 0 },
      { nonce: -1 },
      { nonce: 1.5 },
      { gas: 0n },
      { maxPriorityFeePerGas: 31_000_000_000n },
      { value: -1n },
      { to: "0xf39fd6e51aad88F6F4ce6aB8827279cffFb92266" },
    ];
    for (const fields of bad) {
      await expect(signer.signFromHotWallet({ ...transfer, ...fields })).rejects.toMatchObject({
        code: "transaction_invalid",
      });
    }
  });
});

describe("the mnemonic", () => {
  it("accepts any valid BIP39 mnemonic, padded or wrapped as an environment file may", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 16, maxLength: 32 }).filter((bytes) => bytes.length % 4 === 0),
        fc.constantFrom(" ", "\n", "  ", "\t"),
        (entropy, gap) => {
          const mnemonic = entropyToMnemonic(entropy, wordlist);
          const padded = `${gap}${mnemonic.split(" ").join(gap)}${gap}`;
          expect(createSigner(padded).accountXpub).toBe(createSigner(mnemonic).accountXpub);
        },
      ),
      { numRuns: 10 },
    );
  });

  it("refuses any other text with a typed error that does not quote it", () => {
    const words = fc.array(fc.constantFrom(...wordlist), { minLength: 1, maxLength: 24 });
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      words.map((list) => list.join(" ")),
    );
    fc.assert(
      fc.property(text, (mnemonic) => {
        fc.pre(!isValid(mnemonic));
        expect(codeOf(() => createSigner(mnemonic))).toBe("mnemonic_invalid");
      }),
    );
  });

  it("names the problem without the words", () => {
    const wrongChecksum = "test test test test test test test test test test test test";
    expect(() => createSigner(wrongChecksum)).toThrow(/not a BIP39 English mnemonic.*12 words/);
    expect(() => createSigner(wrongChecksum)).not.toThrow(/test/);
  });
});

describe("no key material leaves the signer", () => {
  const mnemonic = generateMnemonic(wordlist, 256);
  const fresh = createSigner(mnemonic);
  const root = HDKey.fromMasterSeed(mnemonicToSeedSync(mnemonic));
  const account = root.derive(EVM_ACCOUNT_PATH);
  // Mnemonic words are English words ("derive", "trade"…) that a function's source may hold, so
  // they count as secrets in data only; the phrase, the seed and the keys count everywhere.
  const words = mnemonic.split(" ").filter((word) => word.length > 4);
  const keys = [
    mnemonic,
    bytesToHex(mnemonicToSeedSync(mnemonic)).slice(2),
    account.privateExtendedKey,
    bytesToHex(account.privateKey as Uint8Array).slice(2),
    bytesToHex(account.derive("m/1/0").privateKey as Uint8Array).slice(2),
    bytesToHex(account.derive("m/0/0").privateKey as Uint8Array).slice(2),
  ];
  const secrets = [...keys, ...words];

  it("is not in its JSON, its text or its inspection", () => {
    const views = [
      JSON.stringify(fresh),
      String(fresh),
      inspect(fresh, { depth: Number.POSITIVE_INFINITY, showHidden: true, getters: true }),
    ];
    for (const view of views) {
      for (const key of keys) expect(view).not.toContain(key);
      // As whole words: "account" is a mnemonic word and also the start of `accountXpub`.
      for (const word of words) expect(view).not.toMatch(new RegExp(`\\b${word}\\b`));
    }
    const sources = `${fresh.signFromHotWallet}${fresh.signSweep}`;
    for (const key of keys) expect(sources).not.toContain(key);
    expect(JSON.parse(JSON.stringify(fresh))).toEqual({
      accountXpub: fresh.accountXpub,
      hotWalletAddress: fresh.hotWalletAddress,
    });
  });

  it("is not among its properties, enumerable or not, however deep", () => {
    for (const value of reachableValues(fresh)) {
      const text = value instanceof Uint8Array ? bytesToHex(value).slice(2) : String(value);
      // A function's text is its source: only the phrase and the keys must be absent there.
      for (const secret of typeof value === "function" ? keys : secrets) {
        expect(text).not.toContain(secret);
      }
    }
    expect(Object.isFrozen(fresh)).toBe(true);
  });
});

function isValid(mnemonic: string): boolean {
  try {
    createSigner(mnemonic);
    return true;
  } catch {
    return false;
  }
}

/** Every value reachable through own properties (any kind) from `root`, prototypes excluded. */
function reachableValues(root: unknown): unknown[] {
  const seen = new Set<unknown>();
  const queue = [root];
  while (queue.length > 0) {
    const value = queue.pop();
    if (seen.has(value)) continue;
    seen.add(value);
    if ((typeof value === "object" && value !== null) || typeof value === "function") {
      for (const key of Reflect.ownKeys(value)) {
        const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
        if (descriptor && "value" in descriptor) queue.push(descriptor.value);
      }
    }
  }
  return [...seen];
}
