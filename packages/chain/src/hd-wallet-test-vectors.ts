/**
 * Published test vectors, for tests only. The mnemonic is Hardhat's and Foundry's public test
 * mnemonic: every developer knows it, so it must never guard real funds. Its first accounts
 * (`m/44'/60'/0'/0/0…19`) are the ones a local Hardhat or Anvil node funds at genesis.
 */

/** The public "test … junk" mnemonic (BIP39, English, 12 words, no passphrase). */
export const HARDHAT_MNEMONIC = "test test test test test test test test test test test junk";

/** The xpub of `m/44'/60'/0'` of HARDHAT_MNEMONIC, computed once; the addresses below check it. */
export const HARDHAT_ACCOUNT_XPUB =
  "xpub6Ce9NcJvTk36xtLSrJLZqE7wtgA5deCeYs7rSQtreh4cj6ByPtrg9sD7V2FNFLPnf8heNP3FGkeV9qwfzvZNSd54JoNXVsXFYSYwHsnJxqP";

/** Hardhat's accounts #0, #1, #2: `m/44'/60'/0'/0/0…2` of HARDHAT_MNEMONIC, as Hardhat prints them. */
export const HARDHAT_ADDRESSES = [
  "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
  "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
  "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC",
] as const;
