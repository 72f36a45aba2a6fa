import { parseLargeFillLines } from "@exchange/domains/notifications/large-fill-lines";
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

/** The worker's variables. This module is the only one of the worker that reads `process.env`. */
const workerEnvShape = {
  DATABASE_URL: sharedEnv.DATABASE_URL,
  REDIS_URL: sharedEnv.REDIS_URL,
  REDIS_PREFIX: sharedEnv.REDIS_PREFIX,
  /** Interval of the reconciliation job (ledger sums, balances against postings and the engine). */
  RECONCILE_EVERY_MS: intVar(300_000, 1_000),
  /** Run the demo market (demo/market-maker.ts): "on" under `npm run dev`, never in production. */
  DEMO_MARKET_MAKER: z.enum(["on", "off"]).default("off"),
  /** Interval between the demo market maker's requotes. */
  DEMO_TICK_MS: intVar(1_500, 100),
  /** Least time between two 24 h tickers of one market on `<SYMBOL>@ticker`. */
  MARKET_DATA_TICKER_MS: intVar(1_000, 100),
  /** A consumer failing (or blocked) on one entry this long raises an alert and turns health red. */
  CONSUMER_STUCK_ALERT_MS: intVar(30_000, 100),
  /** Longest wait between two attempts of a failing consumer (the backoff doubles up to it). */
  CONSUMER_RETRY_MAX_MS: intVar(10_000, 100),
  /** A reconciliation fails when the read models miss an entry journaled longer ago than this. */
  RECONCILE_MAX_LAG_MS: intVar(60_000, 1_000),
  /** Port of the worker's /health and /metrics; 0 disables the HTTP server. */
  WORKER_HTTP_PORT: portVar(3400),
  WORKER_HTTP_HOST: z.string().default("127.0.0.1"),
  LOG_LEVEL: sharedEnv.LOG_LEVEL,
  /**
   * The wallet's chain (the chain watcher, sweeps' bookkeeping, the hot wallet's lines). Optional:
   * without all three the worker runs without the wallet's consumers and jobs.
   */
  WALLET_XPUB: sharedEnv.WALLET_XPUB.optional(),
  CHAIN_RPC_URL: sharedEnv.CHAIN_RPC_URL.optional(),
  CHAIN_ID: sharedEnv.CHAIN_ID.optional(),
  CHAIN_KEY: sharedEnv.CHAIN_KEY,
  /** Pause of the chain watcher between passes once it has caught up with the chain's head. */
  CHAIN_WATCH_POLL_MS: intVar(1_000, 50),
  /** Interval of the hot-wallet check (its balances against their lines; alerts to finance). */
  HOT_WALLET_CHECK_EVERY_MS: intVar(60_000, 1_000),
  /**
   * Outgoing mail (finance's hot-wallet alerts). Optional, as in the apps' tests: without both
   * the worker opens alerts (the admin banner shows them) and logs that it mailed no one.
   */
  SMTP_URL: sharedEnv.SMTP_URL.optional(),
  MAIL_FROM: sharedEnv.MAIL_FROM.optional(),
  /** Interval of the alert center (reported log lines and failed checks into alerts and mails). */
  ALERT_CHECK_EVERY_MS: intVar(5_000, 500),
  /** Least time between two mails about one alert nobody has acknowledged. */
  ALERT_RENOTIFY_MS: intVar(3_600_000, 1_000),
  /** The staff roles on call (comma-separated): their active members get the alert mails. */
  ALERT_MAIL_ROLES: z
    .string()
    .default("ADMIN,OPERATIONS")
    .transform((text) =>
      text
        .split(",")
        .map((role) => role.trim())
        .filter((role) => role !== ""),
    )
    .pipe(z.array(z.enum(["ADMIN", "OPERATIONS", "FINANCE", "COMPLIANCE"]))),
  /** On-call addresses (comma-separated) mailed beside the on-call roles' staff. */
  ALERT_MAIL_TO: z
    .string()
    .default("")
    .transform((text) =>
      text
        .split(",")
        .map((a) => a.trim())
        .filter((a) => a !== ""),
    )
    .pipe(z.array(z.email())),
  /** The language of alert mails (staff have no stored language). */
  ALERT_MAIL_LOCALE: z.enum(["en", "zh-CN"]).default("en"),
  /** Where staff reach the admin console: the System page's link in alert mails. */
  ADMIN_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** The web app's address, for the link in notification mails; without it none is mailed. */
  WEB_PUBLIC_URL: sharedEnv.WEB_PUBLIC_URL.optional(),
  /**
   * Lending's index publisher (index-publisher/): samples the USDT markets each second, records
   * and pushes the index and feeds it to the engine as `index.set`; with it the perpetual pricer
   * (perpetual-pricer/), which builds each contract's mark and funding on that index. "off" for
   * test harnesses that expect a quiet journal once their own commands are in.
   */
  INDEX_PUBLISHER: z.enum(["on", "off"]).default("on"),
  /** Pause of the notifier between passes once it has caught up (how soon the bell rings). */
  NOTIFY_POLL_MS: intVar(1_000, 50),
  /**
   * When a fill is large enough to notify: the least value per quote asset, `USDT=10000,BTC=1`
   * (notifications/large-fill-lines.ts). Empty: no large-fill notifications.
   */
  LARGE_FILL_NOTIONALS: z
    .string()
    .default("USDT=10000")
    .transform((text, context) => {
      const lines = parseLargeFillLines(text);
      if (!("problem" in lines)) return lines;
      context.addIssue({ code: "custom", message: lines.problem });
      return z.NEVER;
    }),
};

export type WorkerEnv = EnvOf<typeof workerEnvShape>;

/** Validates the worker's variables in `source`; throws an EnvError naming each bad one. */
export function parseWorkerEnv(source: EnvSource): WorkerEnv {
  return parseEnv({ name: "worker", shape: workerEnvShape, source });
}

/** The worker's environment, validated once at start-up; a bad one exits with its message. */
export function readWorkerEnv(): WorkerEnv {
  return loadEnv({ name: "worker", shape: workerEnvShape, source: process.env });
}
