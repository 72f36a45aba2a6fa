/**
 * End-to-end runs against production builds of web and admin, with the engine, the worker, the
 * signer, the stream gateway and the trading gateway.
 * Started by `npm run test:e2e` (scripts/e2e.ts), which builds the apps and provides a fresh
 * database and Redis prefix through E2E_* variables before Playwright reads this file.
 */
import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { ENGINE_NODE_FLAGS } from "./packages/testkit/src/engine-node-flags";
import { E2E_PORTS } from "./scripts/lib/ports";

const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the end-to-end tests with npm run test:e2e`);
  return value;
};

const serviceEnv = {
  DATABASE_URL: required("E2E_DATABASE_URL"),
  REDIS_URL: required("E2E_REDIS_URL"),
  REDIS_PREFIX: required("E2E_REDIS_PREFIX"),
  AUTH_SECRET: required("E2E_AUTH_SECRET"),
  ADMIN_AUTH_SECRET: required("E2E_ADMIN_AUTH_SECRET"),
  STREAM_TOKEN_SECRET: required("E2E_STREAM_TOKEN_SECRET"),
  DOCUMENT_STORAGE_DIR: required("E2E_DOCUMENT_STORAGE_DIR"),
  STREAM_PUBLIC_URL: `ws://127.0.0.1:${E2E_PORTS.stream}/exchange-stream`,
  GATEWAY_PUBLIC_URL: `http://127.0.0.1:${E2E_PORTS.gateway}`,
  TWO_FACTOR_KEY: required("E2E_TWO_FACTOR_KEY"),
  // The run's local chain (scripts/e2e.ts starts it; its token's address is in chain_assets).
  CHAIN_RPC_URL: required("E2E_CHAIN_RPC_URL"),
  CHAIN_ID: required("E2E_CHAIN_ID"),
  WALLET_XPUB: required("E2E_WALLET_XPUB"),
  SMTP_URL: `smtp://127.0.0.1:${E2E_PORTS.smtp}`,
  MAIL_FROM: "Exchange <no-reply@exchange.test>",
  WEB_PUBLIC_URL: `http://127.0.0.1:${E2E_PORTS.web}`,
  // Each process reads its own operations port (/health, /metrics), shifted like the rest.
  WEB_OPS_PORT: String(E2E_PORTS.webOps),
  ADMIN_OPS_PORT: String(E2E_PORTS.adminOps),
  STREAM_OPS_PORT: String(E2E_PORTS.streamOps),
  GATEWAY_OPS_PORT: String(E2E_PORTS.gatewayOps),
  NEXT_TELEMETRY_DISABLED: "1",
  NODE_ENV: "production",
  // The test runner stands in for the reverse proxy: each test sets its own X-Forwarded-For
  // (e2e/tests/support/client-address.ts), so per-address limits do not carry across tests.
  TRUSTED_PROXY_HOPS: "1",
  PATH: process.env.PATH ?? "",
  HOME: process.env.HOME ?? "",
};

const WEB_URL = `http://127.0.0.1:${E2E_PORTS.web}`;
const ADMIN_URL = `http://127.0.0.1:${E2E_PORTS.admin}`;
process.env.E2E_WEB_URL = WEB_URL;
process.env.E2E_ADMIN_URL = ADMIN_URL;
process.env.E2E_MAIL_URL = `http://127.0.0.1:${E2E_PORTS.mailInbox}`;
process.env.E2E_GATEWAY_URL = `http://127.0.0.1:${E2E_PORTS.gateway}`;

const stop = { signal: "SIGTERM", timeout: 5_000 } as const;

/**
 * Debian's headless shell when installed (.ci/run installs it): the same engine without the
 * browser's own UI processes, a fraction of the CPU on a two-core runner. Chromium otherwise.
 */
const HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";
const CHROMIUM =
  process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : "/usr/bin/chromium");

const BROWSER = {
  ...devices["Desktop Chrome"],
  // The pulses and spinners would otherwise repaint sixty times a second for the whole run.
  reducedMotion: "reduce" as const,
  launchOptions: {
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
  },
};

export default defineConfig({
  testDir: "./e2e/tests",
  outputDir: "./test-results",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    // A trace films every page it records, which on the live pages costs as much CPU as the
    // page itself; CI keeps no files to open, so it records none.
    trace: process.env.CI === "true" ? "off" : "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      testIgnore: [/system-health\.spec\.ts/, /order-kinds\.spec\.ts/],
      use: BROWSER,
    },
    {
      // The trader journeys tagged @phone, once more at a phone's size, with touch.
      name: "phone",
      grep: /@phone/,
      testIgnore: /system-health\.spec\.ts/,
      use: {
        ...BROWSER,
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
      },
    },
    {
      // Trades ETH/USDT at prices of its own, which a market order of trading.spec.ts (same
      // market) would take if both ran at once: after the other journeys.
      name: "order-kinds",
      testMatch: /order-kinds\.spec\.ts/,
      dependencies: ["chromium", "phone"],
      use: BROWSER,
    },
    {
      // Stalls a worker consumer on purpose: alone, once every other journey has finished.
      name: "degraded",
      testMatch: /system-health\.spec\.ts/,
      dependencies: ["chromium", "phone", "order-kinds"],
      use: BROWSER,
    },
  ],
  webServer: [
    {
      // Receives the apps' mail; tests read it over HTTP (e2e/tests/support/mail.ts).
      name: "mail",
      command: "node --import tsx scripts/mail-sink.ts",
      env: {
        ...serviceEnv,
        MAIL_SINK_SMTP_PORT: String(E2E_PORTS.smtp),
        MAIL_SINK_HTTP_PORT: String(E2E_PORTS.mailInbox),
      },
      url: `http://127.0.0.1:${E2E_PORTS.mailInbox}/api/healthz`,
      gracefulShutdown: stop,
    },
    {
      name: "engine",
      command: `node ${ENGINE_NODE_FLAGS.join(" ")} --import tsx apps/engine/src/main.ts`,
      // Its health port shifted like the others, so a run beside `npm run dev` does not collide.
      env: { ...serviceEnv, ENGINE_HTTP_PORT: "3310" },
      wait: { stdout: /engine started/ },
      gracefulShutdown: stop,
    },
    {
      // Projections, market data, and the engine's reference data (assets, markets).
      name: "worker",
      command: "node --import tsx apps/worker/src/main.ts",
      // Reconcile often, so the finance journey sees reports of books that just traded.
      env: {
        ...serviceEnv,
        RECONCILE_EVERY_MS: "5000",
        WORKER_HTTP_PORT: String(E2E_PORTS.worker),
        // The degraded-state journey waits for the alert; production keeps the 30 s default.
        CONSUMER_STUCK_ALERT_MS: "3000",
        // The deposit journey watches confirmations rise block by block.
        CHAIN_WATCH_POLL_MS: "200",
        // Finance's hot-wallet journey waits for its alerts; production checks every minute.
        HOT_WALLET_CHECK_EVERY_MS: "3000",
        // The System journey waits for its alert; production looks every 5 s.
        ALERT_CHECK_EVERY_MS: "1000",
        // Lending's index feeds the engine every few seconds; the journeys that compare the
        // engine's sequence with the read models' expect only their own commands. The loans
        // journey will turn it on.
        INDEX_PUBLISHER: "off",
      },
      wait: { stdout: /projector started/ },
      gracefulShutdown: stop,
    },
    {
      // The only process given the wallet's mnemonic: sends approved withdrawals, sweeps deposits.
      name: "signer",
      command: "node --import tsx apps/signer/src/main.ts",
      env: {
        ...serviceEnv,
        SIGNER_MNEMONIC: required("E2E_SIGNER_MNEMONIC"),
        SIGNER_HTTP_PORT: String(E2E_PORTS.signer),
        // Journeys wait for withdrawals and sweeps: poll faster than production's defaults.
        SIGNER_POLL_MS: "500",
        SWEEP_EVERY_MS: "5000",
      },
      url: `http://127.0.0.1:${E2E_PORTS.signer}/health`,
      gracefulShutdown: stop,
    },
    {
      name: "stream",
      command: "node --import tsx apps/stream/src/main.ts",
      env: {
        ...serviceEnv,
        STREAM_PORT: String(E2E_PORTS.stream),
        STREAM_ALLOWED_ORIGINS: `http://127.0.0.1:${E2E_PORTS.web}`,
      },
      url: `http://127.0.0.1:${E2E_PORTS.stream}/health`,
      gracefulShutdown: stop,
    },
    {
      // The trading gateway: Binance-compatible REST for bots (the API-key journeys use it).
      name: "gateway",
      command: "node --import tsx apps/gateway/src/main.ts",
      env: { ...serviceEnv, GATEWAY_PORT: String(E2E_PORTS.gateway) },
      url: `http://127.0.0.1:${E2E_PORTS.gateway}/health`,
      gracefulShutdown: stop,
    },
    {
      // As in production: a process per core behind one port, the trader API on its lean path.
      name: "web",
      command: `node --import tsx apps/web/server.ts --port ${E2E_PORTS.web} --hostname 127.0.0.1`,
      env: serviceEnv,
      url: WEB_URL,
      gracefulShutdown: stop,
    },
    {
      name: "admin",
      command: `npx next start apps/admin --port ${E2E_PORTS.admin} --hostname 127.0.0.1`,
      env: serviceEnv,
      url: `${ADMIN_URL}/login`,
      gracefulShutdown: stop,
    },
  ],
});
