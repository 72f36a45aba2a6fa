/**
 * The environment of the repository's own scripts (dev, test, e2e, mail sink), read through the
 * one loader: optional overrides of the local services, validated once, named in one message
 * when wrong. `inheritedEnv` is what a script hands on to the processes it starts, which then
 * validate their own variables.
 */
import { loadEnv } from "@exchange/protocol";
import { sharedEnv } from "@exchange/protocol/env";
import { z } from "zod";

const scriptEnvShape = {
  /** An existing PostgreSQL to use instead of starting one (dev and tests). */
  DATABASE_URL: sharedEnv.DATABASE_URL.optional(),
  /** An existing Redis to use instead of starting one. */
  REDIS_URL: sharedEnv.REDIS_URL.optional(),
  REDIS_PREFIX: sharedEnv.REDIS_PREFIX,
  /** Passed to the seed, which refuses to run under `production`. */
  NODE_ENV: z.string().optional(),
  /** Where `npm run dev` keeps KYC uploads; `.data/documents` when unset. */
  DOCUMENT_STORAGE_DIR: z.string().min(1).optional(),
  /** `off` for a quiet `npm run dev` without the demo market maker. */
  DEMO_MARKET_MAKER: z.enum(["on", "off"]).default("on"),
  /** Ports of the standalone mail sink (scripts/mail-sink.ts). */
  MAIL_SINK_SMTP_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
  MAIL_SINK_HTTP_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
};

/** The scripts' variables, validated once; a bad one exits with its message. */
export function readScriptEnv() {
  return loadEnv({ name: "scripts", shape: scriptEnvShape, source: process.env });
}

/** Variables a script never hands on: the signer's secret goes to the signer alone, by name. */
const NOT_INHERITED = ["SIGNER_MNEMONIC"];

/** This script's environment, to hand on to a process it starts, without the signer's secret. */
export function inheritedEnv(source: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env = { ...source };
  for (const name of NOT_INHERITED) delete env[name];
  return env;
}
