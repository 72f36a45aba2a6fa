/**
 * The one environment loader of every process, on @t3-oss/env-core, and the schema pieces the
 * processes share (database, Redis, log level, ports, secrets), each written once here.
 *
 * Why in protocol: it is the package every process already imports for what they share at run
 * time (bus keys, logger, ops HTTP, metrics); a separate package would be one more dependency of
 * every app for a single file. It is a subpath export (`@exchange/protocol/env`) and never part
 * of the root index, so browser bundles never import it.
 *
 * Each app or process declares its variables and validates them ONCE in its `src/env.ts`; that
 * module is the only one that reads `process.env`. Tests read the run's variables through
 * `runVar` / `runEnv` (`@exchange/protocol/testing`). `loadEnv`, which exits the process on a bad
 * environment, lives in load-env.ts (root export): this module stays free of Node's process API
 * so the Next apps' instrumentation can import it in any runtime.
 */
import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";
import { TRUSTED_PROXY_HOPS_MAX } from "./client-address";

/** Where the variables come from: `process.env` in a process, a literal object (numbers allowed) in a test. */
export type EnvSource = Record<string, string | number | undefined>;

/** A process's variables: one zod schema per variable name. */
export type EnvShape = Record<string, z.ZodType>;

/** The validated variables of a shape. */
export type EnvOf<Shape extends EnvShape> = { [Key in keyof Shape]: z.output<Shape[Key]> };

const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;

/** A TCP port with its default; 0 where the server can be switched off. */
export const portVar = (fallback: number, min = 0) =>
  z.coerce.number().int().min(min).max(65_535).default(fallback);

/** An interval or a count with its default and least value. */
export const intVar = (fallback: number, min: number) =>
  z.coerce.number().int().min(min).default(fallback);

/** A signing secret of at least `min` characters. */
export const secretVar = (min: number) =>
  z.string().min(min, min >= 32 ? "Use at least 32 random characters." : undefined);

/**
 * The key that encrypts TOTP secrets at rest: 32 random bytes in base64 or base64url
 * (`openssl rand -base64 32`). Web and admin must share it (one table of secrets per kind).
 */
export const twoFactorKeyVar = z
  .string()
  .refine(
    (text) => Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64").length === 32,
    "Use 32 random bytes in base64 (openssl rand -base64 32).",
  );

const MNEMONIC_WORD_COUNTS = [12, 15, 18, 21, 24];

/**
 * The signer's BIP39 mnemonic, checked here for its shape (12, 15, 18, 21 or 24 lowercase words);
 * the signer (`@exchange/chain/signer`) checks the word list and checksum when it starts. The
 * message never quotes the value.
 */
export const mnemonicVar = z
  .string()
  .trim()
  .refine(
    (text) => /^[a-z\s]+$/.test(text) && MNEMONIC_WORD_COUNTS.includes(text.split(/\s+/).length),
    "Use a BIP39 English mnemonic of 12 to 24 words (npm run dev makes one in .data/dev-secrets.json).",
  );

/**
 * An account-level extended public key, checked here for its shape (base58, `xpub`, 111
 * characters); `parseAccountXpub` (`@exchange/chain`) checks its checksum and depth at start.
 */
export const xpubVar = z
  .string()
  .trim()
  .regex(
    /^xpub[1-9A-HJ-NP-Za-km-z]{107}$/,
    "Use the base58 xpub of m/44'/60'/0' (xpub…, 111 characters).",
  );

/** Variables with the same meaning in every process that names them. */
export const sharedEnv = {
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }),
  /** Prefix of every Redis key and channel (one deployment or test run per prefix). */
  REDIS_PREFIX: z.string().min(1).default("ex:"),
  /** Least level written to the log (`fatal` always is). */
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  /** Reverse proxies in front, each appending to X-Forwarded-For (0: none, header ignored). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(TRUSTED_PROXY_HOPS_MAX).default(0),
  /** Outgoing mail server: `smtp://user:pass@host:587` (STARTTLS) or `smtps://…:465`. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }),
  /** From header of the mails, e.g. `Exchange <no-reply@example.com>`. */
  MAIL_FROM: z.string().min(3),
  /** Where people reach the trading web app: the base of the links in mails. */
  WEB_PUBLIC_URL: z.url({ protocol: /^https?$/ }),
  /** Encrypts TOTP secrets at rest; web and admin share it. */
  TWO_FACTOR_KEY: twoFactorKeyVar,
  /** Signs the short-lived tokens browsers send to the WebSocket gateway (web and stream). */
  STREAM_TOKEN_SECRET: z.string().min(16),
  /**
   * The wallet's mnemonic: every private key of deposit addresses and the hot wallet derives from
   * it. Only the signer names it; web, admin, the API and the worker never get it.
   */
  SIGNER_MNEMONIC: mnemonicVar,
  /** The signer's account xpub (m/44'/60'/0'): deposit addresses derive from it, no key does. */
  WALLET_XPUB: xpubVar,
  /** JSON-RPC endpoint of the EVM chain (`npm run dev`: the local Hardhat node on 8545). */
  CHAIN_RPC_URL: z.url({ protocol: /^https?$/ }),
  /** That chain's id (31337 for the local node), to check against `eth_chainId` before use. */
  CHAIN_ID: z.coerce.number().int().positive(),
  /** That chain's key in `chain_assets` (the assets it carries): `evm-local` in dev and tests. */
  CHAIN_KEY: z
    .string()
    .regex(/^[a-z0-9-]{1,32}$/, "Use the chain's key in chain_assets, e.g. evm-local.")
    .default("evm-local"),
} as const;

/** A bad environment: the message names every variable at fault. */
export class EnvError extends Error {
  override name = "EnvError";
}

export interface EnvOptions<Shape extends EnvShape> {
  /** The process, first word of the message: `engine: invalid environment`. */
  name: string;
  shape: Shape;
  source: EnvSource;
  /** Rules across variables (zod `superRefine` on the whole object). */
  refine?: (env: EnvOf<Shape>, ctx: z.RefinementCtx) => void;
}

/** Validates `source` against `shape`; throws an EnvError naming each bad variable. */
export function parseEnv<Shape extends EnvShape>(options: EnvOptions<Shape>): EnvOf<Shape> {
  const { refine } = options;
  const shape: EnvShape = options.shape;
  // Rules across variables need the whole object; env-core then validates with this schema.
  const whole = refine
    ? z.object(shape).superRefine((value, ctx) => refine(value as EnvOf<Shape>, ctx))
    : undefined;
  const env = createEnv({
    server: shape,
    runtimeEnv: options.source,
    isServer: true,
    ...(whole ? { createFinalSchema: () => whole } : {}),
    onValidationError: rejectEnv(options.name),
  });
  // A plain object: env-core's proxy guards client access, which server processes never do.
  return { ...env } as EnvOf<Shape>;
}

/**
 * `parseEnv` on first use, then cached. For the Next apps: `next build` imports route modules
 * without a runtime environment, so validation waits for the server's start (instrumentation).
 */
export function lazyEnv<T>(parse: () => T): () => T {
  let validated: { value: T } | undefined;
  return () => {
    validated ??= { value: parse() };
    return validated.value;
  };
}

/** An env-core `onValidationError`: one EnvError naming each bad variable of `name`. */
export function rejectEnv(name: string) {
  return (issues: readonly EnvIssue[]): never => {
    throw new EnvError(describeIssues(name, issues));
  };
}

/**
 * The variables both Next apps (web, admin) need to reach the exchange's database and engine
 * bus; each app's env.ts adds its own and validates them once with @t3-oss/env-nextjs.
 */
export const servicesEnvShape = {
  DATABASE_URL: sharedEnv.DATABASE_URL,
  REDIS_URL: sharedEnv.REDIS_URL,
  /** Prefix of every Redis key and channel; must match the engine's. */
  REDIS_PREFIX: sharedEnv.REDIS_PREFIX,
  /**
   * Directory of uploaded identity documents, outside any web root. The web app writes it and
   * the admin console reads it, so both must name the same directory (an absolute path; a
   * relative one resolves against the process's working directory).
   */
  DOCUMENT_STORAGE_DIR: z.string().min(1).default(".data/documents"),
  /** `development` under `next dev` (a looser script policy for React's development build). */
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  /**
   * How many reverse proxies stand in front of the app, each appending to X-Forwarded-For. 0
   * (the default): none, the header is ignored and the connection's address is the client's.
   */
  TRUSTED_PROXY_HOPS: sharedEnv.TRUSTED_PROXY_HOPS,
  /** Least level of the server's JSON log lines. */
  LOG_LEVEL: sharedEnv.LOG_LEVEL,
  /**
   * The wallet's chain. Optional: without all three the apps run, and the wallet's pages say
   * deposits and withdrawals are unavailable.
   */
  WALLET_XPUB: sharedEnv.WALLET_XPUB.optional(),
  CHAIN_RPC_URL: sharedEnv.CHAIN_RPC_URL.optional(),
  CHAIN_ID: sharedEnv.CHAIN_ID.optional(),
  CHAIN_KEY: sharedEnv.CHAIN_KEY,
};

interface EnvIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}

/** `engine: invalid environment` then one `  NAME: problem` line per issue. */
export function describeIssues(name: string, issues: readonly EnvIssue[]): string {
  const lines = issues.map((issue) => {
    const path = (issue.path ?? []).map((p) => String(typeof p === "object" ? p.key : p));
    return `  ${path.join(".") || "(environment)"}: ${issue.message}`;
  });
  return `${name}: invalid environment\n${lines.join("\n")}`;
}
