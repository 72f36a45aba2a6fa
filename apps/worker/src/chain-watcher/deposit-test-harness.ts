/**
 * Test-only: an engine sandbox (its own database and Redis prefix) with the engine and a worker
 * projecting its events, services with a wallet of their own on a chain, and the checks every
 * deposit test ends with: the user's balance, the deposit postings and books that reconcile.
 */
import { decimalToUnits } from "@exchange/contracts/money";
import { syncReferenceData } from "@exchange/domains/markets/reference-data";
import { closeServices, createServices, type Services } from "@exchange/domains/services";
import { randomAccountXpub } from "@exchange/domains/testing/test-services";
import type { WatchDeps } from "@exchange/domains/wallet/deposit-watcher";
import { Journal } from "@exchange/journal";
import {
  createEngineSandbox,
  EngineProcess as Engine,
  type EngineProcess,
  type EngineSandbox,
  WorkerProcess,
} from "@exchange/testkit";
import pg from "pg";
import { expect } from "vitest";
import { reconcile } from "../jobs/reconciliation/reconcile";

export interface DepositHarness {
  sandbox: EngineSandbox;
  /** The xpub of the services' wallet (a worker given it watches the same addresses). */
  walletXpub: string;
  services: Services;
  engine: EngineProcess;
  /** The worker: projector and market data, and the chain watcher when asked for. */
  worker: WorkerProcess;
  pool: pg.Pool;
  deps: WatchDeps;
  close(): Promise<void>;
}

export async function startDepositHarness(
  tag: string,
  chain: { rpcUrl: string; chainId: number },
  options: { workerWatches?: boolean } = {},
): Promise<DepositHarness> {
  const sandbox = await createEngineSandbox(tag);
  const engine = await Engine.start(sandbox);
  const walletXpub = randomAccountXpub();
  // The worker projects the engine's events (balances, postings). The run sets no WALLET_XPUB,
  // so by default it watches no chain and the test drives the watcher's passes itself.
  const worker = await WorkerProcess.start(
    sandbox,
    options.workerWatches ? watcherEnv(chain, walletXpub) : {},
  );
  const services = await createServices({
    ...sandbox,
    logLevel: "error",
    chain: { key: "evm-local", rpcUrl: chain.rpcUrl, chainId: chain.chainId, walletXpub },
  });
  await syncReferenceData(services.db, services.engine, services.clock.now());
  const pool = new pg.Pool({ connectionString: sandbox.databaseUrl });
  const wallet = services.wallet;
  if (!wallet) throw new Error("the services have no wallet");
  const harness: DepositHarness = {
    sandbox,
    walletXpub,
    services,
    engine,
    worker,
    pool,
    deps: { ...services, chain: wallet },
    async close() {
      await closeServices(services);
      await pool.end();
      await harness.worker.stop();
      await engine.kill();
    },
  };
  return harness;
}

/** What a worker needs to run the chain watcher on `chain` for the wallet of `walletXpub`. */
export function watcherEnv(
  chain: { rpcUrl: string; chainId: number },
  walletXpub: string,
): Record<string, string> {
  return {
    WALLET_XPUB: walletXpub,
    CHAIN_RPC_URL: chain.rpcUrl,
    CHAIN_ID: String(chain.chainId),
    CHAIN_WATCH_POLL_MS: "100",
  };
}

/** Mines `count` empty blocks on a Hardhat node. */
export async function mineBlocks(rpcUrl: string, count: number): Promise<void> {
  await rpc(rpcUrl, "hardhat_mine", [`0x${count.toString(16)}`]);
}

export async function rpc(
  rpcUrl: string,
  method: string,
  params: unknown[] = [],
): Promise<unknown> {
  const response = await fetch(rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await response.json()) as { result?: unknown; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

/** The user's projected available balance of `asset`, in atoms (0 when none). */
export async function availableAtoms(
  pool: pg.Pool,
  userId: number,
  asset: string,
): Promise<bigint> {
  const { rows } = await pool.query<{ balance: string }>(
    `SELECT balance_atoms::text AS balance FROM account_balances
      WHERE user_id = $1 AND asset = $2 AND account = 'available'`,
    [userId, asset],
  );
  return rows[0] ? decimalToUnits(rows[0].balance) : 0n;
}

/** The user's ledger postings of `asset` and their causes. */
export async function postingsOf(
  pool: pg.Pool,
  userId: number,
  asset: string,
): Promise<{ account: string; atoms: bigint; cause: string }[]> {
  const { rows } = await pool.query<{ account: string; atoms: string; cause: string }>(
    `SELECT account, amount_atoms::text AS atoms, cause FROM ledger_postings
      WHERE user_id = $1 AND asset = $2 ORDER BY seq, event_index, posting_index`,
    [userId, asset],
  );
  return rows.map((r) => ({ account: r.account, atoms: decimalToUnits(r.atoms), cause: r.cause }));
}

/** The books prove: every asset's postings sum to zero, projections match the engine. */
export async function expectBooksReconcile(harness: DepositHarness): Promise<void> {
  const { seq } = await harness.engine.stateDigest();
  const deadline = Date.now() + 20_000;
  for (;;) {
    const report = await reconcile(harness.pool, new Journal(harness.pool), { maxLagMs: 60_000 });
    if (report.seq >= seq && report.ok) {
      for (const total of Object.values(report.assetTotals)) expect(total).toBe("0");
      return;
    }
    if (Date.now() > deadline) {
      expect(report.differences).toEqual([]);
      expect(report.failure).toBeNull();
      expect(report.seq).toBeGreaterThanOrEqual(seq);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
