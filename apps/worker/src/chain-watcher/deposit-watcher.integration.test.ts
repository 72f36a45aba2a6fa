import { fundOnLocalChain } from "@exchange/chain/local-faucet";
import { createTestUser } from "@exchange/domains/testing/test-users";
import { depositAddressOf } from "@exchange/domains/wallet/deposit-addresses";
import { findDeposit, findDepositsPage } from "@exchange/domains/wallet/deposit-repository";
import { watchChainOnce } from "@exchange/domains/wallet/deposit-watcher";
import { clearDeposit, listMyDeposits, refuseDeposit } from "@exchange/domains/wallet/deposits";
import { requireRunVar } from "@exchange/protocol/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  availableAtoms,
  type DepositHarness,
  expectBooksReconcile,
  mineBlocks,
  postingsOf,
  startDepositHarness,
} from "./deposit-test-harness";

/**
 * Deposits on the run's real local chain, credited through a real engine: found at once,
 * confirmations counted, credited exactly once at the asset's 3 confirmations whatever the
 * watcher's restarts, never below the minimum, held for finance when a rule says so. The run's
 * chain is shared by every test file, so this watcher starts at the head it finds and names its
 * own cursor; its database is its own (an engine sandbox).
 */

const RPC_URL = requireRunVar("CHAIN_RPC_URL");
const TOKEN = requireRunVar("TEST_CHAIN_TOKEN_ADDRESS");
const ETH = 10n ** 18n;

let h: DepositHarness;
let watcherKey: string;

beforeAll(async () => {
  h = await startDepositHarness("deposits", {
    rpcUrl: RPC_URL,
    chainId: Number(requireRunVar("CHAIN_ID")),
  });
  watcherKey = `evm-local:test:${crypto.randomUUID()}`;
  const head = await h.deps.chain.adapter.latestBlockNumber();
  await watchChainOnce(h.deps, { watcherKey, startBlock: head });
}, 120_000);

afterAll(() => h?.close());

const pass = () => watchChainOnce(h.deps, { watcherKey });

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

describe("the chain watcher", () => {
  it("credits an ETH deposit once, at 3 confirmations, across restarts and repeats", async () => {
    const { userId, address } = await depositor("eth");
    const again = await depositAddressOf(h.services, userId, { asset: "ETH" });
    expect(again.address).toBe(address);
    expect(again.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);

    await fundOnLocalChain({ rpcUrl: RPC_URL, to: address, amountUnits: ETH / 2n + 123n });
    await pass();
    let deposit = await onlyDeposit(userId);
    expect(deposit).toMatchObject({
      status: "CONFIRMING",
      confirmations: 1,
      confirmationsRequired: 3,
      amount: "0.5",
    });

    await mineBlocks(RPC_URL, 1);
    await pass();
    expect(await onlyDeposit(userId)).toMatchObject({ status: "CONFIRMING", confirmations: 2 });
    expect(await availableAtoms(h.pool, userId, "ETH")).toBe(0n);

    await mineBlocks(RPC_URL, 1);
    await pass();
    deposit = await onlyDeposit(userId);
    expect(deposit).toMatchObject({ status: "CREDITED", confirmations: 3 });
    expect(deposit.creditedAt).toBeInstanceOf(Date);

    // A crash between the engine's accept and the row's update: the row still says CONFIRMING.
    await h.services.db.deposit.update({
      where: { id: deposit.id },
      data: { status: "CONFIRMING", creditedAt: null },
    });
    // A restart that lost its cursor reads the same blocks again.
    await h.services.db.chainCursor.delete({ where: { chainKey: watcherKey } });
    const found = await findDeposit(h.services.db, deposit.id);
    await watchChainOnce(h.deps, { watcherKey, startBlock: (found?.blockNumber ?? 1n) - 1n });
    await pass();
    await pass();
    expect(await onlyDeposit(userId)).toMatchObject({ status: "CREDITED" });

    await expectBalance(userId, "ETH", 50_000_000n);
    const postings = await postingsOf(h.pool, userId, "ETH");
    expect(postings).toEqual([{ account: "available", atoms: 50_000_000n, cause: "deposit" }]);
    await expectBooksReconcile(h);
  });

  it("credits a token deposit, widening its 6 decimals to the engine's 8", async () => {
    const { userId, address } = await depositor("usdt");
    await fundOnLocalChain({
      rpcUrl: RPC_URL,
      to: address,
      amountUnits: 25_500_000n,
      token: TOKEN,
    });
    await pass();
    expect(await onlyDeposit(userId)).toMatchObject({
      asset: "USDT",
      amount: "25.5",
      status: "CONFIRMING",
    });
    await mineBlocks(RPC_URL, 2);
    await pass();
    expect(await onlyDeposit(userId)).toMatchObject({ status: "CREDITED", confirmations: 3 });
    await expectBalance(userId, "USDT", 2_550_000_000n);
    await expectBooksReconcile(h);
  });

  it("never credits a deposit below the minimum", async () => {
    const { userId, address } = await depositor("dust");
    await fundOnLocalChain({ rpcUrl: RPC_URL, to: address, amountUnits: ETH / 10_000n });
    await pass();
    await mineBlocks(RPC_URL, 5);
    await pass();
    expect(await onlyDeposit(userId)).toMatchObject({ status: "BELOW_MINIMUM", amount: "0.0001" });
    expect(await availableAtoms(h.pool, userId, "ETH")).toBe(0n);
    await expectBooksReconcile(h);
  });

  it("holds a large deposit and a blocklisted sender's for finance, who clears one and refuses the other", async () => {
    await h.services.db.chainAsset.update({
      where: { chainKey_assetCode: { chainKey: "evm-local", assetCode: "ETH" } },
      data: { largeDeposit: "2" },
    });
    const large = await depositor("large");
    await fundOnLocalChain({ rpcUrl: RPC_URL, to: large.address, amountUnits: 3n * ETH });
    await pass();
    // The node's first account funds every test; blocked only while this transfer is read.
    const [largeFound] = await findDepositsPage(h.services.db, { userId: large.userId, limit: 1 });
    const blockedRow = {
      chainKey: "evm-local",
      address: largeFound?.fromAddress as string,
      reason: "test: stolen funds",
    };
    await h.services.db.blockedAddress.create({ data: blockedRow });
    const blocked = await depositor("blocked");
    try {
      await fundOnLocalChain({ rpcUrl: RPC_URL, to: blocked.address, amountUnits: ETH / 10n });
      await pass();
    } finally {
      await h.services.db.blockedAddress.delete({
        where: { chainKey_address: { chainKey: "evm-local", address: blockedRow.address } },
      });
    }
    await mineBlocks(RPC_URL, 3);
    await pass();
    expect(await onlyDeposit(large.userId)).toMatchObject({ status: "HELD", confirmations: 5 });
    expect(await onlyDeposit(blocked.userId)).toMatchObject({ status: "HELD" });
    const held = await findDepositsPage(h.services.db, {
      status: "HELD",
      flagged: true,
      limit: 10,
    });
    expect(held.map((d) => [d.userId, d.flags])).toEqual(
      expect.arrayContaining([
        [large.userId, ["large_amount"]],
        [blocked.userId, ["blocklisted_sender"]],
      ]),
    );
    expect(await availableAtoms(h.pool, large.userId, "ETH")).toBe(0n);

    const finance = await h.services.db.staff.findFirstOrThrow({
      where: { roles: { has: "FINANCE" } },
    });
    const reviewer = { staffId: finance.id, ip: "10.0.0.1" };
    const largeId = (await onlyDeposit(large.userId)).id;
    const cleared = await clearDeposit(h.services, reviewer, {
      id: largeId,
      note: "Known customer, payroll.",
    });
    expect(cleared).toMatchObject({ status: "CREDITED", reviewedBy: finance.id });
    const blockedId = (await onlyDeposit(blocked.userId)).id;
    const refused = await refuseDeposit(h.services, reviewer, {
      id: blockedId,
      reason: "Sender on the sanctions list.",
    });
    expect(refused).toMatchObject({
      status: "REJECTED",
      reviewNote: "Sender on the sanctions list.",
    });
    await expect(clearDeposit(h.services, reviewer, { id: blockedId })).rejects.toMatchObject({
      code: "DEPOSIT_ALREADY_DECIDED",
    });

    // The watcher passing again credits nothing more.
    await mineBlocks(RPC_URL, 1);
    await pass();
    expect((await findDeposit(h.services.db, blockedId))?.status).toBe("REJECTED");
    await expectBalance(large.userId, "ETH", 300_000_000n);
    expect(await availableAtoms(h.pool, blocked.userId, "ETH")).toBe(0n);
    const audits = await h.services.db.auditLog.findMany({
      where: { targetType: "deposit", targetId: { in: [String(largeId), String(blockedId)] } },
    });
    expect(audits.map((a) => a.action).sort()).toEqual(["deposit.clear", "deposit.refuse"]);
    await expectBooksReconcile(h);
  });
});

async function expectBalance(userId: number, asset: string, atoms: bigint): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await availableAtoms(h.pool, userId, asset)) !== atoms && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(await availableAtoms(h.pool, userId, asset)).toBe(atoms);
}
