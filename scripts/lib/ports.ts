/**
 * Where each process listens under `npm run dev` (and, shifted by 10, under the E2E run). The
 * `*Ops` ports serve /health and /metrics on 127.0.0.1, apart from the public ports (the
 * processes' defaults; docs/operations.md, "Metrics").
 */
export const DEV_PORTS = {
  web: 3000,
  webOps: 3001,
  admin: 3100,
  adminOps: 3101,
  stream: 3200,
  streamOps: 3201,
  /** The engine's /health, /metrics and /state. */
  engine: 3300,
  /** The trading gateway: Binance-compatible REST (`/api/v3/…`) and its /health. */
  gateway: 3600,
  gatewayOps: 3601,
  /** The worker's /health and /metrics (its consumers: stuck or not, and where). */
  worker: 3400,
  /** The signer's /health and /metrics (its tasks: last good pass, failures in a row). */
  signer: 3500,
  /** The local mail sink (scripts/lib/mail-sink.ts): SMTP in, and its inbox over HTTP. */
  smtp: 1025,
  mailInbox: 8025,
  /** The local EVM chain's JSON-RPC (scripts/lib/chain-node.ts; tests and E2E use free ports). */
  chain: 8545,
  /** Project-local servers, used only when nothing answers at the standard ports. */
  postgres: 54_329,
  redis: 63_790,
} as const;

export const E2E_PORTS = {
  web: 3010,
  webOps: 3011,
  admin: 3110,
  adminOps: 3111,
  stream: 3210,
  streamOps: 3211,
  gateway: 3610,
  gatewayOps: 3611,
  worker: 3410,
  signer: 3510,
  smtp: 1035,
  mailInbox: 8035,
} as const;
