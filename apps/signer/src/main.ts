/**
 * The signer: the only process that holds the wallet's mnemonic (SIGNER_MNEMONIC). It sends
 * approved withdrawals from the hot wallet (signed and stored before broadcast), follows every
 * transaction it sent to its end (withdrawals confirmed or failed, then settled or released by
 * the engine), and sweeps credited deposits into the hot wallet on a timer. Web, admin, the API
 * and the worker get only the xpub; nothing else signs.
 *
 * At start it refuses a node of another chain (CHAIN_ID against eth_chainId), checks that the
 * addresses the domains derive agree with its keys, and refuses to run beside another signer of
 * the chain (single-signer.ts). SIGTERM lets the pass in hand finish.
 */
import { createSigner } from "@exchange/chain/signer";
import { closeServices, createServices, type Services } from "@exchange/domains/services";
import { sweepDeposits, trackSweeps } from "@exchange/domains/wallet/sweeps";
import { sendApprovedWithdrawals } from "@exchange/domains/wallet/withdrawal-broadcast";
import { resumeWithdrawals } from "@exchange/domains/wallet/withdrawal-engine";
import { trackWithdrawals } from "@exchange/domains/wallet/withdrawal-tracking";
import { createOpsHttpServer, startProcessReporting } from "@exchange/protocol";
import { metricsRoute, startProcessMetrics } from "@exchange/protocol/metrics";
import { readSignerEnv, type SignerEnv } from "./env";
import { SignerLoop } from "./signer-loop";
import { holdSignerLock } from "./single-signer";

const env = readSignerEnv();
const metrics = startProcessMetrics("signer");
const signer = createSigner(env.SIGNER_MNEMONIC);
const services = await createServices({
  databaseUrl: env.DATABASE_URL,
  redisUrl: env.REDIS_URL,
  redisPrefix: env.REDIS_PREFIX,
  service: "signer",
  logLevel: env.LOG_LEVEL,
  ...mailConfig(env),
  chain: {
    key: env.CHAIN_KEY,
    rpcUrl: env.CHAIN_RPC_URL,
    chainId: env.CHAIN_ID,
    walletXpub: signer.accountXpub,
  },
});
const { log } = services;
// The heartbeat the System page shows, and error and fatal lines to the worker's alert center
// (a refusal to start below among them: closing the services sends what is queued first).
const reporting = startProcessReporting({
  redis: services.redis,
  prefix: env.REDIS_PREFIX,
  process: "signer",
});
await checkChain(services);
const lock = await holdSignerLock(env.DATABASE_URL, env.CHAIN_KEY);
if (!lock.held) {
  log.fatal("signer refuses to start", {
    reason: `another signer of chain ${env.CHAIN_KEY} is running on this database`,
  });
  await closeServices(services);
  process.exit(1);
}

const exitBeforeBroadcast = env.SIGNER_TEST_EXIT_BEFORE_BROADCAST === "on";
const loop = new SignerLoop(
  [
    {
      name: "withdrawals",
      everyMs: env.SIGNER_POLL_MS,
      run: async () => {
        await trackWithdrawals(services, { signer, dropAfterMs: env.SIGNER_DROP_AFTER_MS });
        // End states whose settle or release is missing, and requests interrupted mid-freeze.
        await resumeWithdrawals(services);
        await sendApprovedWithdrawals(services, {
          signer,
          ...(exitBeforeBroadcast ? { beforeBroadcast: crashForTest } : {}),
        });
      },
    },
    {
      name: "sweep-tracking",
      everyMs: env.SIGNER_POLL_MS,
      run: () => trackSweeps(services, { signer, dropAfterMs: env.SIGNER_DROP_AFTER_MS }),
    },
    { name: "sweeps", everyMs: env.SWEEP_EVERY_MS, run: () => sweepDeposits(services, signer) },
  ],
  log,
);

const http = env.SIGNER_HTTP_PORT
  ? createOpsHttpServer({
      "/health": () => {
        const ok = loop.healthy();
        return {
          status: ok ? 200 : 503,
          json: { ok, hotWallet: signer.hotWalletAddress, tasks: loop.statuses() },
        };
      },
      "/metrics": metricsRoute(metrics),
    })
  : undefined;
if (http) {
  await new Promise<void>((resolve) =>
    http.listen(env.SIGNER_HTTP_PORT, env.SIGNER_HTTP_HOST, resolve),
  );
}

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    log.info("draining", { signal });
    loop.stop();
  });
}

log.info("signer started", {
  chain: env.CHAIN_KEY,
  chainId: env.CHAIN_ID,
  hotWallet: signer.hotWalletAddress,
});
await loop.run();
http?.close();
await reporting.stop();
await closeServices(services);
await lock.release();
log.info("signer stopped");

function mailConfig(env: SignerEnv) {
  const { SMTP_URL, MAIL_FROM, WEB_PUBLIC_URL } = env;
  if (!SMTP_URL || !MAIL_FROM || !WEB_PUBLIC_URL) return {};
  return { mail: { smtpUrl: SMTP_URL, from: MAIL_FROM, webPublicUrl: WEB_PUBLIC_URL } };
}

/** The node must be the configured chain, and the domains' addresses this mnemonic's. */
async function checkChain(services: Services): Promise<void> {
  const wallet = services.wallet;
  const nodeChainId = await wallet?.adapter.chainId();
  const problem =
    nodeChainId !== env.CHAIN_ID
      ? `the node at CHAIN_RPC_URL is chain ${nodeChainId}, not CHAIN_ID ${env.CHAIN_ID}`
      : wallet?.addresses.accountXpub !== signer.accountXpub ||
          wallet.addresses.hotWalletAddress !== signer.hotWalletAddress
        ? "the wallet's addresses do not derive from the signer's keys"
        : undefined;
  if (!problem) return;
  log.fatal("signer refuses to start", { reason: problem });
  await closeServices(services);
  process.exit(1);
}

/** SIGNER_TEST_EXIT_BEFORE_BROADCAST: dies as a crash would, the transaction stored, unsent. */
async function crashForTest(txHash: string): Promise<void> {
  log.warn("test fault: exiting before broadcast", { txHash });
  process.exit(3);
}
