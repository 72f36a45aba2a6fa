/**
 * `npm run dev`: the whole exchange on one machine. Finds or starts PostgreSQL and Redis
 * (lib/local-services.ts), migrates and seeds the `exchange_dev` database, starts the local
 * chain (lib/chain-node.ts) and records its token's address there, funds the hot wallet, then
 * runs every app's `dev` task through Turbo and the signer beside it (the only process given
 * SIGNER_MNEMONIC). Ctrl-C stops the apps and any server started here.
 */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createSigner } from "@exchange/chain/signer";
import { createDb } from "@exchange/db";
import {
  ensureDatabase,
  migrateDatabase,
  printSeedCredentials,
  seed,
  withDatabaseName,
} from "@exchange/db/operations";
import {
  LOCAL_CHAIN_FILE,
  type LocalChainFacts,
  mineOnInterval,
  startChainNode,
} from "./lib/chain-node";
import { recordChainToken } from "./lib/chain-token";
import { seedDemoSavings } from "./lib/demo-savings";
import { appSecrets, loadDevSecrets } from "./lib/dev-secrets";
import { fundLocalHotWallet } from "./lib/hot-wallet-funds";
import { providePostgres, provideRedis } from "./lib/local-services";
import { startMailSink } from "./lib/mail-sink";
import { DEV_PORTS } from "./lib/ports";
import { inheritedEnv, readScriptEnv } from "./lib/script-env";

const ROOT = join(import.meta.dirname, "..");
const DATA_DIR = join(ROOT, ".data");

async function main(): Promise<void> {
  const env = readScriptEnv();
  const postgres = await providePostgres({
    dataDir: DATA_DIR,
    port: DEV_PORTS.postgres,
    fromEnv: env.DATABASE_URL,
  });
  const redis = await provideRedis({
    dataDir: DATA_DIR,
    port: DEV_PORTS.redis,
    fromEnv: env.REDIS_URL,
  });
  const mailSink = await startMailSink({ smtp: DEV_PORTS.smtp, http: DEV_PORTS.mailInbox });
  const chain = await startChainNode({ port: DEV_PORTS.chain });
  // A block every 3 s, so a deposit made in dev reaches its confirmations by itself.
  await mineOnInterval(chain.rpcUrl, 3_000).catch((error: unknown) =>
    console.warn(`the local chain mines only per transaction: ${String(error)}`),
  );
  const stopServices = () =>
    Promise.all([postgres.stop(), redis.stop(), mailSink.stop(), chain.stop()]);
  const secrets = loadDevSecrets(join(DATA_DIR, "dev-secrets.json"));

  const databaseUrl = env.DATABASE_URL ?? withDatabaseName(postgres.url, "exchange_dev");
  const redisPrefix = env.REDIS_PREFIX;
  await ensureDatabase(databaseUrl);
  await migrateDatabase(databaseUrl);
  const db = createDb(databaseUrl);
  await seed(db, { twoFactorKey: secrets.TWO_FACTOR_KEY, nodeEnv: env.NODE_ENV });
  await seedDemoSavings(db);
  await db.$disconnect();
  // After the seed, which creates the token's row; every start is a fresh chain.
  await recordChainToken(databaseUrl, chain);
  const chainFacts: LocalChainFacts = {
    rpcUrl: chain.rpcUrl,
    chainId: chain.chainId,
    tokenAddress: chain.tokenAddress,
  };
  writeFileSync(join(ROOT, LOCAL_CHAIN_FILE), JSON.stringify(chainFacts, null, 2));
  // A fresh chain each start: the hot wallet gets its opening funds again (lib/hot-wallet-funds.ts).
  const hotWallet = createSigner(secrets.SIGNER_MNEMONIC).hotWalletAddress;
  await fundLocalHotWallet(chain, hotWallet);

  console.log(`\nPostgreSQL: ${postgres.origin}`);
  console.log(`Redis:      ${redis.origin}`);
  console.log(`Mail sink:  SMTP ${mailSink.smtpUrl}, inbox ${mailSink.inboxUrl}`);
  console.log(
    `Chain:      ${chain.rpcUrl} (id ${chain.chainId}), USDT token ${chain.tokenAddress}`,
  );
  printSeedCredentials();
  console.log(`
Trading web   http://localhost:${DEV_PORTS.web}
Admin console http://localhost:${DEV_PORTS.admin}
WebSocket     ws://localhost:${DEV_PORTS.stream}/exchange-stream
Trading API   http://localhost:${DEV_PORTS.gateway}/api/v3/exchangeInfo   (Binance-compatible REST;
              reference: http://localhost:${DEV_PORTS.web}/api-docs)
Metrics       http://localhost:<port>/metrics on each process's operations port (and /health):
              web ${DEV_PORTS.webOps}, admin ${DEV_PORTS.adminOps}, stream ${DEV_PORTS.streamOps}, gateway ${DEV_PORTS.gatewayOps},
              engine ${DEV_PORTS.engine}, worker ${DEV_PORTS.worker}, signer ${DEV_PORTS.signer} (docs/operations.md, "Metrics")
Hot wallet    ${hotWallet}   (opening funds 100 ETH, 1 000 000 USDT; more:
              npm run chain:fund -- ${hotWallet} ETH 10)
Mail inbox    http://localhost:${DEV_PORTS.mailInbox}   (every mail the apps send lands here)
Local chain   ${chain.rpcUrl}   (JSON-RPC, chain id ${chain.chainId}; a fresh chain each start;
              test funds: npm run chain:fund -- <address> <ETH | USDT> <amount>)
`);

  const appsEnv: NodeJS.ProcessEnv = {
    ...inheritedEnv(),
    // Every secret but the signer's mnemonic, and the xpub deposit addresses derive from.
    ...appSecrets(secrets),
    SMTP_URL: mailSink.smtpUrl,
    MAIL_FROM: "Exchange <no-reply@exchange.local>",
    WEB_PUBLIC_URL: `http://localhost:${DEV_PORTS.web}`,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    REDIS_PREFIX: redisPrefix,
    CHAIN_RPC_URL: chain.rpcUrl,
    CHAIN_ID: String(chain.chainId),
    STREAM_PORT: String(DEV_PORTS.stream),
    GATEWAY_PORT: String(DEV_PORTS.gateway),
    GATEWAY_PUBLIC_URL: `http://localhost:${DEV_PORTS.gateway}`,
    WORKER_HTTP_PORT: String(DEV_PORTS.worker),
    STREAM_PUBLIC_URL: `ws://localhost:${DEV_PORTS.stream}/exchange-stream`,
    // The web app's pages, by either name of this machine, may open gateway connections.
    STREAM_ALLOWED_ORIGINS: `http://localhost:${DEV_PORTS.web},http://127.0.0.1:${DEV_PORTS.web}`,
    // One directory for both apps: web stores KYC uploads, admin serves them to compliance.
    DOCUMENT_STORAGE_DIR: env.DOCUMENT_STORAGE_DIR ?? join(DATA_DIR, "documents"),
    // A moving demo market for newcomers; DEMO_MARKET_MAKER=off npm run dev for a quiet one.
    DEMO_MARKET_MAKER: env.DEMO_MARKET_MAKER,
    NEXT_TELEMETRY_DISABLED: "1",
    TURBO_TELEMETRY_DISABLED: "1",
  };
  const turboArgs = [
    "turbo",
    "run",
    "dev",
    "--env-mode=loose",
    "--ui=stream",
    ...process.argv.slice(2),
  ];
  const apps = spawn("npx", turboArgs, {
    cwd: ROOT,
    stdio: "inherit",
    detached: true,
    env: appsEnv,
  });
  // The signer outside Turbo, so its mnemonic reaches it and no other task (it has no `dev`
  // script for Turbo to find); the same supervisor restarts it on a crash or a source change.
  const signerProcess = spawn(
    process.execPath,
    ["--import", "tsx", join(ROOT, "scripts", "supervise.ts"), "src/main.ts"],
    {
      cwd: join(ROOT, "apps", "signer"),
      stdio: "inherit",
      detached: true,
      env: {
        ...appsEnv,
        SIGNER_MNEMONIC: secrets.SIGNER_MNEMONIC,
        SIGNER_HTTP_PORT: String(DEV_PORTS.signer),
      },
    },
  );

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (apps.pid && apps.exitCode === null) process.kill(-apps.pid, "SIGTERM");
    if (signerProcess.pid && signerProcess.exitCode === null) {
      process.kill(-signerProcess.pid, "SIGTERM");
    }
    await stopServices();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  apps.on("exit", (code) => void stop(code ?? 0));
}

main().catch((error: Error) => {
  console.error(`\nnpm run dev could not start the exchange:\n${error.message}`);
  process.exit(1);
});
