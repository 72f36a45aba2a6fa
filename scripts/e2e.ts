/**
 * `npm run test:e2e`: a fresh seeded database and Redis prefix, production builds of web and
 * admin, then Playwright (which starts engine, gateway and both apps: playwright.config.ts).
 * A local chain of the run's own (lib/chain-node.ts, a free port) serves the wallet's journeys;
 * the run's hot wallet gets opening funds on it (lib/hot-wallet-funds.ts).
 * Extra arguments go to Playwright (`npm run test:e2e -- e2e/tests/auth.spec.ts`).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSigner, generateSignerMnemonic } from "@exchange/chain/signer";
import { startChainNode } from "./lib/chain-node";
import { recordChainToken } from "./lib/chain-token";
import { randomSecret } from "./lib/dev-secrets";
import { fundLocalHotWallet } from "./lib/hot-wallet-funds";
import { inheritedEnv } from "./lib/script-env";
import { provisionTestRun } from "./lib/test-run";

const ROOT = join(import.meta.dirname, "..");

function run(command: string, args: string[], env: NodeJS.ProcessEnv): number {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", env });
  return result.status ?? 1;
}

const chain = await startChainNode({ port: 0 });
const testRun = await provisionTestRun("e2e", {
  seed: true,
  afterSeed: (templateUrl) => recordChainToken(templateUrl, chain),
});
// The run's wallet: the signer alone gets the mnemonic, every other process the xpub.
const signerMnemonic = generateSignerMnemonic();
const signer = createSigner(signerMnemonic);
// Funds for the withdrawal journeys from the start (the signer sends from the hot wallet).
await fundLocalHotWallet(chain, signer.hotWalletAddress);
const env: NodeJS.ProcessEnv = {
  ...inheritedEnv(),
  NEXT_TELEMETRY_DISABLED: "1",
  TURBO_TELEMETRY_DISABLED: "1",
  E2E_DATABASE_URL: testRun.databaseUrl,
  E2E_REDIS_URL: testRun.redisUrl,
  E2E_REDIS_PREFIX: testRun.redisPrefix,
  E2E_AUTH_SECRET: randomSecret(),
  E2E_ADMIN_AUTH_SECRET: randomSecret(),
  E2E_STREAM_TOKEN_SECRET: randomSecret(),
  // Identity documents uploaded during the run, removed with it.
  E2E_DOCUMENT_STORAGE_DIR: mkdtempSync(join(tmpdir(), "exchange-e2e-documents-")),
  E2E_TWO_FACTOR_KEY: testRun.twoFactorKey,
  E2E_CHAIN_RPC_URL: chain.rpcUrl,
  E2E_CHAIN_ID: String(chain.chainId),
  E2E_SIGNER_MNEMONIC: signerMnemonic,
  E2E_WALLET_XPUB: signer.accountXpub,
};

let status = run(
  "npx",
  ["turbo", "run", "build", "--filter=@exchange/web", "--filter=@exchange/admin", "--ui=stream"],
  env,
);
if (status === 0) status = run("npx", ["playwright", "test", ...process.argv.slice(2)], env);
await Promise.all([testRun.teardown(), chain.stop()]);
rmSync(env.E2E_DOCUMENT_STORAGE_DIR as string, { recursive: true, force: true });
process.exit(status);
