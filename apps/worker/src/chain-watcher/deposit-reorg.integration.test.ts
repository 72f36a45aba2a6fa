import { fundOnLocalChain } from "@exchange/chain/local-faucet";
import { createTestUser } from "@exchange/domains/testing/test-users";
import { depositAddressOf } from "@exchange/domains/wallet/deposit-addresses";
import { watchChainOnce } from "@exchange/domains/wallet/deposit-watcher";
import { acknowledgeReorgedDeposit, listMyDeposits } from "@exchange/domains/wallet/deposits";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChainNode, startChainNode } from "../../../../scripts/lib/chain-node";
import {
  availableAtoms,
  type DepositHarness,
  expectBooksReconcile,
  mineBlocks,
  rpc,
  startDepositHarness,
} from "./deposit-test-harness";

/**
 * Reorganisations, on a private chain node of this file's own (the run's chain is shared and
 * must never be rewound): `evm_snapshot` before a deposit, `evm_revert` after it, then other
 * blocks mined at the same heights, as a competing branch would replace them.
 */

const ETH = 10n ** 18n;
let node: ChainNode;
let h: DepositHarness;

beforeAll(async () => {
  node = await startChainNode({ port: 0 });
  h = await startDepositHarness("reorg", { rpcUrl: node.rpcUrl, chainId: node.chainId });
  await watchChainOnce(h.deps, { startBlock: await h.deps.chain.adapter.latestBlockNumber() });
}, 120_000);

afterAll(async () => {
  await h?.close();
  await node?.stop();
});

const pass = () => watchChainOnce(h.deps);

async function depositor(tag: string) {
  const user = await createTestUser(h.services.db, { tag });
  const { address } = await depositAddressOf(h.services, user.id, { asset: "ETH" });
  return { userId: user.id, address };
}

async function onlyDeposit(userId: number) {
  const deposits = await listMyDeposits(h.services, userId, { limit: 10 });
  expect(deposits).toHaveLength(1);
  return deposits[0] as (typeof deposits)[number];
}

describe("a reorganisation", () => {
  it("before the confirmations drops the deposit and credits nothing", async () => {
    const { userId, address } = await depositor("reorg-early");
    const snapshot = await rpc(node.rpcUrl, "evm_snapshot");
    await fundOnLocalChain({ rpcUrl: node.rpcUrl, to: address, amountUnits: ETH });
    await mineBlocks(node.rpcUrl, 1);
    await pass();
    expect(await onlyDeposit(userId)).toMatchObject({ status: "CONFIRMING", confirmations: 2 });

    await rpc(node.rpcUrl, "evm_revert", [snapshot]);
    await mineBlocks(node.rpcUrl, 4);
    const undone = await pass();
    expect(undone.reorganised).toBe(true);
    expect(await onlyDeposit(userId)).toMatchObject({ status: "DROPPED", confirmations: 0 });
    // The watcher reads the new branch, finds nothing of the dropped transfer, credits nothing.
    await pass();
    await pass();
    expect(await onlyDeposit(userId)).toMatchObject({ status: "DROPPED" });
    expect(await availableAtoms(h.pool, userId, "ETH")).toBe(0n);
    await expectBooksReconcile(h);
  });

  it("after the credit flags the deposit and alerts finance, who acknowledge it", async () => {
    const { userId, address } = await depositor("reorg-late");
    const snapshot = await rpc(node.rpcUrl, "evm_snapshot");
    await fundOnLocalChain({ rpcUrl: node.rpcUrl, to: address, amountUnits: ETH });
    await mineBlocks(node.rpcUrl, 2);
    await pass();
    const credited = await onlyDeposit(userId);
    expect(credited).toMatchObject({ status: "CREDITED", confirmations: 3 });

    await rpc(node.rpcUrl, "evm_revert", [snapshot]);
    await mineBlocks(node.rpcUrl, 5);
    expect((await pass()).reorganised).toBe(true);
    await pass();
    const row = await h.services.db.deposit.findUniqueOrThrow({ where: { id: credited.id } });
    expect(row).toMatchObject({ status: "CREDITED", reorgedAfterCredit: true });
    const alerts = await h.services.db.walletAlert.findMany({ where: { kind: "DEPOSIT_REORGED" } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.message).toContain(String(credited.id));

    const finance = await h.services.db.staff.findFirstOrThrow({
      where: { roles: { has: "FINANCE" } },
    });
    const acknowledged = await acknowledgeReorgedDeposit(
      h.services,
      { staffId: finance.id },
      { id: credited.id, note: "Recovered from the user by a manual adjustment." },
    );
    expect(acknowledged).toMatchObject({ reorgedAfterCredit: true, reviewedBy: finance.id });
    // Acknowledged, its alert is resolved: the admin banner no longer names it.
    const resolved = await h.services.db.walletAlert.findFirstOrThrow({
      where: { depositId: credited.id },
    });
    expect(resolved.resolvedAt).not.toBeNull();
    await expect(
      acknowledgeReorgedDeposit(
        h.services,
        { staffId: finance.id },
        { id: credited.id, note: "Twice." },
      ),
    ).rejects.toMatchObject({ code: "DEPOSIT_ALREADY_DECIDED" });
    // The credit stands (finance acts off-chain); the books still prove.
    expect(await availableAtoms(h.pool, userId, "ETH")).toBe(100_000_000n);
    await expectBooksReconcile(h);
  });
});
