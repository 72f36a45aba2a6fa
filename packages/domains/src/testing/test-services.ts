/**
 * Real collaborators for integration tests: the run's fresh database and Redis prefix (set up
 * by scripts/test-services.ts), and callers acting as any kind of actor.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EVM_ACCOUNT_PATH } from "@exchange/chain";
import { runEnv } from "@exchange/protocol/testing";
import { HDKey } from "@scure/bip32";
import type { StaffRole } from "../identity/identity-enums";
import type { Actor, Services } from "../services";
import { closeServices, createServices } from "../services";

/**
 * Services on the run's database and Redis prefix. Uploaded documents go to a fresh temporary
 * directory (or `documentStorageDir`), never the developer's `.data/`.
 */
export function testServices(
  options: { documentStorageDir?: string; walletXpub?: string } = {},
): Promise<Services> {
  const { DATABASE_URL, REDIS_URL, REDIS_PREFIX } = runEnv();
  if (!DATABASE_URL || !REDIS_URL || !REDIS_PREFIX) {
    throw new Error(
      "integration tests run under vitest's integration project (scripts/test-services.ts)",
    );
  }
  return createServices({
    databaseUrl: DATABASE_URL,
    redisUrl: REDIS_URL,
    redisPrefix: REDIS_PREFIX,
    ...identityConfigFromEnv(),
    documentStorageDir:
      options.documentStorageDir ?? mkdtempSync(join(tmpdir(), "exchange-test-documents-")),
    // order-rate-limit.integration.test.ts sets the limits it tests itself.
    orderRateLimits: UNLIMITED_ORDER_RATES,
    ...chainConfigFromEnv(options.walletXpub),
  });
}

export { closeServices };

/** Order rate limits out of the way of tests that place orders faster than any person. */
export const UNLIMITED_ORDER_RATES = {
  placePerSecond: 1_000_000,
  placePerMinute: 1_000_000,
  cancelPerSecond: 1_000_000,
  cancelPerMinute: 1_000_000,
};

/** Mail into the run's sink and the run's two-factor key, as scripts/test-services.ts set them. */
function identityConfigFromEnv() {
  const { SMTP_URL, MAIL_FROM, WEB_PUBLIC_URL, TWO_FACTOR_KEY } = runEnv();
  return {
    ...(SMTP_URL && MAIL_FROM && WEB_PUBLIC_URL
      ? { mail: { smtpUrl: SMTP_URL, from: MAIL_FROM, webPublicUrl: WEB_PUBLIC_URL } }
      : {}),
    ...(TWO_FACTOR_KEY ? { twoFactorKey: TWO_FACTOR_KEY } : {}),
  };
}

/**
 * The run's local chain (scripts/test-services.ts) with a wallet of its own: `walletXpub` (a
 * test that runs the signer passes the xpub of its mnemonic) or a random account's, so each
 * test's deposit addresses and hot wallet are its own on the shared chain.
 */
function chainConfigFromEnv(walletXpub = randomAccountXpub()) {
  const { CHAIN_RPC_URL, CHAIN_ID } = runEnv();
  if (!CHAIN_RPC_URL || !CHAIN_ID) return {};
  const chainId = Number(CHAIN_ID);
  return { chain: { key: "evm-local", rpcUrl: CHAIN_RPC_URL, chainId, walletXpub } };
}

/** The xpub of `m/44'/60'/0'` under a random seed: addresses without any key kept. */
export function randomAccountXpub(): string {
  return HDKey.fromMasterSeed(randomBytes(32)).derive(EVM_ACCOUNT_PATH).publicExtendedKey;
}

/** A random address in 10.0.0.0/8, fresh enough that tests in one run do not share one. */
export function uniqueTestIp(): string {
  const [a = 0, b = 0, c = 0] = randomBytes(3);
  return `10.${a}.${b}.${c}`;
}

export function staffActor(staffId: number, ...roles: StaffRole[]): Actor {
  return { kind: "staff", staffId, roles };
}
