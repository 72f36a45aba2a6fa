import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { createSigner, generateSignerMnemonic } from "@exchange/chain/signer";

/** Secrets the local processes share. Made once per checkout, kept in the ignored data folder. */
export interface DevSecrets {
  AUTH_SECRET: string;
  ADMIN_AUTH_SECRET: string;
  STREAM_TOKEN_SECRET: string;
  /** Encrypts TOTP secrets at rest (32 random bytes, base64url). */
  TWO_FACTOR_KEY: string;
  /** The local wallet's BIP39 mnemonic: the signer's alone, never handed to the apps. */
  SIGNER_MNEMONIC: string;
}

export function loadDevSecrets(file: string): DevSecrets {
  const saved: Partial<DevSecrets> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  // A checkout made before a secret existed gets it added; the others are kept as they are.
  const secrets: DevSecrets = {
    AUTH_SECRET: saved.AUTH_SECRET ?? randomSecret(),
    ADMIN_AUTH_SECRET: saved.ADMIN_AUTH_SECRET ?? randomSecret(),
    STREAM_TOKEN_SECRET: saved.STREAM_TOKEN_SECRET ?? randomSecret(),
    TWO_FACTOR_KEY: saved.TWO_FACTOR_KEY ?? randomSecret(),
    // Random, not the public test mnemonic: with that one, users 0…19's deposit addresses would
    // be the accounts a local Hardhat node funds at genesis, unswept deposits nobody made.
    SIGNER_MNEMONIC: saved.SIGNER_MNEMONIC ?? generateSignerMnemonic(),
  };
  if (JSON.stringify(saved) !== JSON.stringify(secrets)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  }
  return secrets;
}

/**
 * What the apps get of the dev secrets: all but the signer's mnemonic, plus the wallet's account
 * xpub derived from it (derived each time, so it cannot disagree with the mnemonic).
 */
export function appSecrets(secrets: DevSecrets): Omit<DevSecrets, "SIGNER_MNEMONIC"> & {
  WALLET_XPUB: string;
} {
  const { SIGNER_MNEMONIC, ...shared } = secrets;
  return { ...shared, WALLET_XPUB: createSigner(SIGNER_MNEMONIC).accountXpub };
}

export function randomSecret(): string {
  return randomBytes(32).toString("base64url");
}
