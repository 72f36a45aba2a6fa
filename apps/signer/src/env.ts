import { loadEnv } from "@exchange/protocol";
import {
  type EnvOf,
  type EnvSource,
  intVar,
  parseEnv,
  portVar,
  sharedEnv,
} from "@exchange/protocol/env";
import { z } from "zod";

/**
 * The signer's variables. This module is the only one of the signer that reads `process.env`,
 * and the signer is the only process given SIGNER_MNEMONIC. It derives the account xpub from
 * the mnemonic (no WALLET_XPUB), so the two can never disagree.
 */
const signerEnvShape = {
  NODE_ENV: z.string().optional(),
  SIGNER_MNEMONIC: sharedEnv.SIGNER_MNEMONIC,
  DATABASE_URL: sharedEnv.DATABASE_URL,
  REDIS_URL: sharedEnv.REDIS_URL,
  REDIS_PREFIX: sharedEnv.REDIS_PREFIX,
  CHAIN_RPC_URL: sharedEnv.CHAIN_RPC_URL,
  CHAIN_ID: sharedEnv.CHAIN_ID,
  CHAIN_KEY: sharedEnv.CHAIN_KEY,
  /** The end-of-withdrawal mails (confirmed, failed); without all three no mail is sent. */
  SMTP_URL: sharedEnv.SMTP_URL.optional(),
  MAIL_FROM: sharedEnv.MAIL_FROM.optional(),
  WEB_PUBLIC_URL: sharedEnv.WEB_PUBLIC_URL.optional(),
  /** Pause between two passes over withdrawals and sent transactions. */
  SIGNER_POLL_MS: intVar(2_000, 50),
  /** Pause between two sweeps of credited deposits to the hot wallet. */
  SWEEP_EVERY_MS: intVar(60_000, 100),
  /**
   * A sent transaction the node has not known for this long (and not mined) has its nonce
   * cancelled; once that is mined it is dropped (its withdrawal fails, the funds are released).
   */
  SIGNER_DROP_AFTER_MS: intVar(600_000, 1_000),
  /** Port of the signer's /health and /metrics; 0 disables the HTTP server. */
  SIGNER_HTTP_PORT: portVar(3500),
  SIGNER_HTTP_HOST: z.string().default("127.0.0.1"),
  LOG_LEVEL: sharedEnv.LOG_LEVEL,
  /**
   * Fault injection for tests only: exit right after the first withdrawal's transaction is
   * stored and before it is broadcast, as a crash there would. Refused outside NODE_ENV=test.
   */
  SIGNER_TEST_EXIT_BEFORE_BROADCAST: z.enum(["on", "off"]).default("off"),
};

export type SignerEnv = EnvOf<typeof signerEnvShape>;

/** Validates the signer's variables in `source`; throws an EnvError naming each bad one. */
export function parseSignerEnv(source: EnvSource): SignerEnv {
  return parseEnv({
    name: "signer",
    shape: signerEnvShape,
    source,
    refine: refuseFaultOutsideTests,
  });
}

/** The signer's environment, validated once at start-up; a bad one exits with its message. */
export function readSignerEnv(): SignerEnv {
  return loadEnv({
    name: "signer",
    shape: signerEnvShape,
    source: process.env,
    refine: refuseFaultOutsideTests,
  });
}

function refuseFaultOutsideTests(env: SignerEnv, ctx: z.RefinementCtx): void {
  if (env.SIGNER_TEST_EXIT_BEFORE_BROADCAST === "off" || env.NODE_ENV === "test") return;
  ctx.addIssue({
    code: "custom",
    path: ["SIGNER_TEST_EXIT_BEFORE_BROADCAST"],
    message: "fault injection is for tests only (NODE_ENV=test)",
  });
}
