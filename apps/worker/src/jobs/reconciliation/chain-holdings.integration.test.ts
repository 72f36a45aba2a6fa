/**
 * Reconciliation with the chain, end to end on a database of its own (the liabilities are every
 * user's, so the run's shared database would mix in other tests' money): a deposit sitting on a
 * user's address counts as on-chain funds against the liability its credit created; the hot
 * wallet's own ether is a surplus; a credit the chain does not hold is a shortfall that marks
 * the report without failing the ledger's checks.
 */
import { fundOnLocalChain } from "@exchange/chain/local-faucet";
import { syncReferenceData } from "@exchange/domains/markets/reference-data";
import { closeStore, openStore } from "@exchange/domains/services";
import { randomAccountXpub } from "@exchange/domains/testing/test-services";
import { createTestUser } from "@exchange/domains/testing/test-users";
import { connectWalletChain, type WalletChain } from "@exchange/domains/wallet/wallet-chain";
import { Journal } from "@exchange/journal";
import { busKeys, createLogger, EngineClient, systemClock } from "@exchange/protocol";
import { requireRunVar } from "@exchange/protocol/testing";
import { createEngineSandbox, EngineProcess, type EngineSandbox } from "@exchange/testkit";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAlone } from "../../consumers/consumer";
import { Projector } from "../../consumers/projector/projector";
import { reconcileAndReport } from "./reconciliation-job";

const rpcUrl = requireRunVar("CHAIN_RPC_URL");
const token = requireRunVar("TEST_CHAIN_TOKEN_ADDRESS");
const ETH = 10n ** 18n;
const USDT = 10n ** 6n;
const log = createLogger("chain-reconciliation-test", "error");

let sandbox: EngineSandbox;
let engine: EngineProcess;
let client: EngineClient;
let redis: Redis;
let pool: pg.Pool;
let store: ReturnType<typeof openStore>;
let projector: Projector;
let projecting: Promise<void>;
let wallet: WalletChain;

beforeAll(async () => {
  sandbox = await createEngineSandbox("chain-recon");
  engine = await EngineProcess.start(sandbox);
  client = await EngineClient.connect({ redisUrl: sandbox.redisUrl, prefix: sandbox.redisPrefix });
  redis = new Redis(sandbox.redisUrl);
  pool = new pg.Pool({ connectionString: sandbox.databaseUrl });
  store = openStore(sandbox.databaseUrl);
  await syncReferenceData(store, client, Date.now());
  projector = new Projector({
    pool,
    redis,
    keys: busKeys(sandbox.redisPrefix),
    journal: new Journal(pool),
    log,
  });
  projecting = runAlone(projector);
  wallet = connectWalletChain({
    key: "evm-local",
    rpcUrl,
    chainId: Number(requireRunVar("CHAIN_ID")),
    walletXpub: randomAccountXpub(),
  });
}, 60_000);

afterAll(async () => {
  projector?.stop();
  await projecting;
  await client?.close();
  redis?.disconnect();
  await pool?.end();
  if (store) await closeStore(store);
  await engine?.kill();
});

async function credit(userId: number, asset: "ETH" | "USDT", amountAtoms: bigint, tag: string) {
  const reply = await client.send({
    type: "balance.deposit",
    id: `chain-recon:${tag}`,
    ts: Date.now(),
    business: "chain-recon",
    businessId: tag,
    userId,
    asset,
    amountAtoms,
  });
  expect(reply.outcome.ok).toBe(true);
}

async function caughtUp(): Promise<void> {
  const { seq } = await engine.stateDigest();
  const deadline = Date.now() + 20_000;
  while (projector.projectedSeq < seq) {
    if (Date.now() > deadline) throw new Error(`projector at ${projector.projectedSeq} of ${seq}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

interface StoredReport {
  ok: boolean;
  chain_shortfall: boolean;
  chain_holdings: {
    hotWalletAddress: string;
    error: string | null;
    assets: Array<Record<string, string>>;
  } | null;
}

async function report(): Promise<StoredReport> {
  await reconcileAndReport({
    pool,
    journal: new Journal(pool),
    log,
    clock: systemClock,
    maxLagMs: 60_000,
    wallet,
  });
  const { rows } = await pool.query<StoredReport>(
    "SELECT ok, chain_shortfall, chain_holdings FROM reconciliation_reports ORDER BY id DESC LIMIT 1",
  );
  const latest = rows[0];
  if (!latest) throw new Error("no report stored");
  return latest;
}

const holding = (stored: StoredReport, asset: string) =>
  stored.chain_holdings?.assets.find((a) => a.asset === asset);

describe("reconciliation with the chain", () => {
  it("counts a deposit on a user's address against its credit, and the hot wallet's ether as surplus", async () => {
    const user = await createTestUser(store, { tag: "chain-recon" });
    const address = wallet.addresses.depositAddress(user.id);
    await pool.query(
      "INSERT INTO deposit_addresses (chain_key, user_id, address) VALUES ($1, $2, $3)",
      [wallet.key, user.id, address],
    );
    await fundOnLocalChain({ rpcUrl, to: address, amountUnits: ETH / 2n });
    await fundOnLocalChain({ rpcUrl, to: address, amountUnits: 250n * USDT, token });
    await fundOnLocalChain({
      rpcUrl,
      to: wallet.addresses.hotWalletAddress,
      amountUnits: 2n * ETH,
    });
    await credit(user.id, "ETH", 50_000_000n, `eth:${user.id}`);
    await credit(user.id, "USDT", 25_000_000_000n, `usdt:${user.id}`);
    await caughtUp();

    const stored = await report();
    expect(stored.ok).toBe(true);
    expect(stored.chain_shortfall).toBe(false);
    expect(stored.chain_holdings?.hotWalletAddress).toBe(wallet.addresses.hotWalletAddress);
    expect(holding(stored, "ETH")).toEqual({
      asset: "ETH",
      hotWalletAtoms: "200000000",
      depositAddressesAtoms: "50000000",
      onChainAtoms: "250000000",
      liabilitiesAtoms: "50000000",
      inFlightAtoms: "0",
      differenceAtoms: "200000000",
    });
    expect(holding(stored, "USDT")).toMatchObject({
      depositAddressesAtoms: "25000000000",
      liabilitiesAtoms: "25000000000",
      differenceAtoms: "0",
    });
  });

  it("marks a credit the chain does not hold as a shortfall, the ledger still balanced", async () => {
    const user = await createTestUser(store, { tag: "chain-recon-short" });
    await credit(user.id, "USDT", 10_000_000_000n, `usdt-unbacked:${user.id}`);
    await caughtUp();
    const stored = await report();
    expect(stored.ok).toBe(true);
    expect(stored.chain_shortfall).toBe(true);
    expect(holding(stored, "USDT")).toMatchObject({
      liabilitiesAtoms: "35000000000",
      differenceAtoms: "-10000000000",
    });
  });
});
