import { fundOnLocalChain } from "@exchange/chain/local-faucet";
import { eventually } from "@exchange/domains/testing/eventually";
import { createTestUser } from "@exchange/domains/testing/test-users";
import { depositAddressOf } from "@exchange/domains/wallet/deposit-addresses";
import { listMyDeposits } from "@exchange/domains/wallet/deposits";
import { requireRunVar } from "@exchange/protocol/testing";
import { WorkerProcess } from "@exchange/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  availableAtoms,
  type DepositHarness,
  expectBooksReconcile,
  mineBlocks,
  postingsOf,
  startDepositHarness,
  watcherEnv,
} from "./deposit-test-harness";

/**
 * The chain watcher in the real worker process, as production runs it: it finds a deposit by
 * itself, the worker is stopped before the confirmations arrive, and a new worker credits the
 * deposit once, from the cursor the first one left. It shows on the worker's /health.
 */

const chain = {
  rpcUrl: requireRunVar("CHAIN_RPC_URL"),
  chainId: Number(requireRunVar("CHAIN_ID")),
};
let h: DepositHarness;

beforeAll(async () => {
  h = await startDepositHarness("watcher-process", chain, { workerWatches: true });
}, 120_000);

afterAll(() => h?.close());

async function deposits(userId: number) {
  return listMyDeposits(h.services, userId, { limit: 10 });
}

describe("the worker's chain watcher", () => {
  it("credits once across a restart between finding a deposit and its confirmations", async () => {
    const health = await fetch(`http://127.0.0.1:${h.worker.httpPort}/health`);
    const { consumers } = (await health.json()) as { consumers: { name: string }[] };
    expect(consumers.map((c) => c.name)).toContain("chain-watcher");

    const user = await createTestUser(h.services.db, { tag: "watcher-process" });
    const { address } = await depositAddressOf(h.services, user.id, { asset: "ETH" });
    await fundOnLocalChain({ rpcUrl: chain.rpcUrl, to: address, amountUnits: 10n ** 17n });
    await eventually(async () => {
      expect(await deposits(user.id)).toMatchObject([{ status: "CONFIRMING", amount: "0.1" }]);
    });

    await h.worker.stop();
    await mineBlocks(chain.rpcUrl, 3);
    h.worker = await WorkerProcess.start(h.sandbox, watcherEnv(chain, h.walletXpub));
    await eventually(async () => {
      expect(await deposits(user.id)).toMatchObject([{ status: "CREDITED" }]);
    }, 20_000);
    await eventually(async () => {
      expect(await availableAtoms(h.pool, user.id, "ETH")).toBe(10_000_000n);
    });
    // A few more passes of the new worker change nothing.
    await mineBlocks(chain.rpcUrl, 2);
    await new Promise((r) => setTimeout(r, 500));
    expect(await postingsOf(h.pool, user.id, "ETH")).toEqual([
      { account: "available", atoms: 10_000_000n, cause: "deposit" },
    ]);
    await expectBooksReconcile(h);
  });
});
