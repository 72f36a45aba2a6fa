import { signedTransactionHash } from "@exchange/chain";
import { createSigner, generateSignerMnemonic, type Signer } from "@exchange/chain/signer";
import { closeServices, type Services } from "@exchange/domains/services";
import { eventually } from "@exchange/domains/testing/eventually";
import { latestMailTo } from "@exchange/domains/testing/mail";
import { createTestUser } from "@exchange/domains/testing/test-users";
import { findTransactionsFor } from "@exchange/domains/wallet/chain-transaction-repository";
import { sendApprovedWithdrawals } from "@exchange/domains/wallet/withdrawal-broadcast";
import { findWithdrawal } from "@exchange/domains/wallet/withdrawal-repository";
import { trackWithdrawals } from "@exchange/domains/wallet/withdrawal-tracking";
import {
  createEngineSandbox,
  EngineProcess,
  type EngineSandbox,
  WorkerProcess,
} from "@exchange/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  approvedWithdrawal,
  balanceOf,
  creditUser,
  freshAddress,
  fund,
  ledgerSums,
  mineBlocks,
  signerServices,
  tokenContract,
} from "./testing/signer-fixtures";

/**
 * What the chain can do to a withdrawal, each with a hot wallet of its own: a transaction that
 * reverts, one dropped for another of its nonce, and a hot wallet below its low line (the
 * withdrawal waits, then goes once funds arrive). The domain's passes are run one at a time
 * here, as the signer's loop runs them.
 */

const ETH = 10n ** 18n;
const ATOMS = 10n ** 8n;
const DROP_AFTER_MS = 600_000;

let sandbox: EngineSandbox;
let engine: EngineProcess;
let worker: WorkerProcess;
const opened: Services[] = [];

beforeAll(async () => {
  sandbox = await createEngineSandbox("signerfail");
  engine = await EngineProcess.start(sandbox);
  worker = await WorkerProcess.start(sandbox);
});

afterAll(async () => {
  await Promise.all(opened.map((s) => closeServices(s)));
  await worker?.stop();
  await engine?.kill();
});

/** A wallet of the test's own: its signer and services on the sandbox. */
async function freshWallet(): Promise<{ signer: Signer; services: Services }> {
  const signer = createSigner(generateSignerMnemonic());
  const services = await signerServices(sandbox, signer);
  opened.push(services);
  return { signer, services };
}

async function userWith(services: Services, tag: string, asset: string, atoms: bigint) {
  const user = await createTestUser(services.db, { tag, kycLevel: 1 });
  await creditUser(services, user.id, asset, atoms);
  return user;
}

async function expectReleased(services: Services, userId: number, asset: string, atoms: bigint) {
  await eventually(async () => {
    expect(await balanceOf(services, { userId, account: "available", asset })).toBe(atoms);
    expect(await balanceOf(services, { userId, account: "frozen", asset })).toBe(0n);
  });
  expect(Object.values(await ledgerSums(services)).every((sum) => sum === 0n)).toBe(true);
}

describe("withdrawals the chain refuses", () => {
  it("fails a reverted token transfer as reverted and releases the funds", async () => {
    const { signer, services } = await freshWallet();
    // Ether for gas, no tokens at all: the transfer reverts on chain ("TestUsd: balance").
    await fund(signer.hotWalletAddress, 1n * ETH);
    const user = await userWith(services, "revert", "USDT", 500n * ATOMS);
    const userId = user.id;
    const id = await approvedWithdrawal(services, {
      userId,
      asset: "USDT",
      toAddress: freshAddress(),
      amountAtoms: 100n * ATOMS,
      feeAtoms: 1n * ATOMS,
    });
    // The hot wallet's token balance moves between the check and the mining (another payout, a
    // transfer to cold storage): the adapter here reports plenty at the check.
    const adapter = services.wallet?.adapter;
    if (!services.wallet || !adapter) throw new Error("no chain");
    const racing: Services = {
      ...services,
      wallet: { ...services.wallet, adapter: { ...adapter, tokenBalance: async () => 10n ** 30n } },
    };

    expect((await sendApprovedWithdrawals(racing, { signer })).sent).toEqual([id]);
    await mineBlocks(3);
    await trackWithdrawals(services, { signer, dropAfterMs: DROP_AFTER_MS });

    const failed = await findWithdrawal(services.db, id);
    expect(failed?.status).toBe("FAILED");
    expect(failed?.failureReason).toBe("reverted");
    expect(failed?.engineDoneAt).not.toBeNull();
    const [stored] = await findTransactionsFor(services.db, "WITHDRAWAL", id);
    expect(stored?.status).toBe("REVERTED");
    expect((await adapter.receipt(stored?.hash as string))?.status).toBe("reverted");
    expect(
      await adapter.tokenBalance(await tokenContract(services), failed?.toAddress as string),
    ).toBe(0n);
    await expectReleased(services, userId, "USDT", 500n * ATOMS);
    const mail = await latestMailTo(user.email, { subject: /failed/ });
    expect(mail.text).toContain("failed on chain (reverted)");
    // A second pass finds nothing left to do: the release went once.
    await trackWithdrawals(services, { signer, dropAfterMs: DROP_AFTER_MS });
    const releases = await services.db.ledgerPosting.count({
      where: { userId, cause: "withdraw.release" },
    });
    expect(releases).toBe(2); // frozen → available: one posting on each side
  }, 60_000);

  it("fails a transaction dropped for another of its nonce as dropped and releases the funds", async () => {
    const { signer, services } = await freshWallet();
    await fund(signer.hotWalletAddress, 2n * ETH);
    const user = await userWith(services, "dropped", "ETH", 1n * ATOMS);
    const userId = user.id;
    const id = await approvedWithdrawal(services, {
      userId,
      asset: "ETH",
      toAddress: freshAddress(),
      amountAtoms: ATOMS / 10n,
      feeAtoms: ATOMS / 1_000n,
    });
    const adapter = services.wallet?.adapter;
    if (!services.wallet || !adapter) throw new Error("no chain");
    // The node never hears of it (lost on the way)…
    const deaf: Services = {
      ...services,
      wallet: {
        ...services.wallet,
        adapter: { ...adapter, broadcast: async (raw) => signedTransactionHash(raw) },
      },
    };
    expect((await sendApprovedWithdrawals(deaf, { signer })).sent).toEqual([id]);
    const [stored] = await findTransactionsFor(services.db, "WITHDRAWAL", id);
    // …and another transaction of the hot wallet takes its nonce.
    const fees = await adapter.estimateFees();
    const other = await signer.signFromHotWallet({
      chainId: services.wallet.chainId,
      nonce: stored?.nonce as number,
      to: signer.hotWalletAddress,
      value: 1n,
      gas: 21_000n,
      ...fees,
    });
    await adapter.broadcast(other);

    await trackWithdrawals(services, { signer, dropAfterMs: DROP_AFTER_MS });

    const failed = await findWithdrawal(services.db, id);
    expect(failed?.status).toBe("FAILED");
    expect(failed?.failureReason).toBe("dropped");
    expect((await findTransactionsFor(services.db, "WITHDRAWAL", id))[0]?.status).toBe("DROPPED");
    expect(await adapter.nativeBalance(failed?.toAddress as string)).toBe(0n);
    await expectReleased(services, userId, "ETH", 1n * ATOMS);
    const mail = await latestMailTo(user.email, { subject: /failed/ });
    expect(mail.text).toContain("failed on chain (dropped)");
  }, 60_000);
});

describe("a transaction the node forgot", () => {
  it("is never dropped while its nonce is free: the nonce is cancelled first, then it fails as dropped", async () => {
    const { signer, services } = await freshWallet();
    await fund(signer.hotWalletAddress, 2n * ETH);
    const user = await userWith(services, "forgotten", "ETH", 1n * ATOMS);
    const id = await approvedWithdrawal(services, {
      userId: user.id,
      asset: "ETH",
      toAddress: freshAddress(),
      amountAtoms: ATOMS / 10n,
      feeAtoms: ATOMS / 1_000n,
    });
    const adapter = services.wallet?.adapter;
    if (!services.wallet || !adapter) throw new Error("no chain");
    const deaf: Services = {
      ...services,
      wallet: {
        ...services.wallet,
        adapter: { ...adapter, broadcast: async (raw) => signedTransactionHash(raw) },
      },
    };
    // Never reaches the node, and re-sending it keeps failing past the drop time.
    expect((await sendApprovedWithdrawals(deaf, { signer })).sent).toEqual([id]);
    const [stored] = await findTransactionsFor(services.db, "WITHDRAWAL", id);
    const sentBefore = await adapter.transactionCount(signer.hotWalletAddress, "latest");
    await trackWithdrawals(deaf, { signer, dropAfterMs: 0 });
    // Its bytes are still valid (the nonce is free): not failed, not released.
    expect((await findWithdrawal(services.db, id))?.status).toBe("BROADCAST");

    // The cancel, signed and stored like any transaction, spends the nonce on the real node.
    await trackWithdrawals(services, { signer, dropAfterMs: 0 });
    const [cancel] = await findTransactionsFor(services.db, "WITHDRAWAL", `cancel:${stored?.hash}`);
    expect(cancel?.nonce).toBe(stored?.nonce);
    expect(await adapter.transactionCount(signer.hotWalletAddress, "latest")).toBe(sentBefore + 1);
    await trackWithdrawals(services, { signer, dropAfterMs: 0 });

    const failed = await findWithdrawal(services.db, id);
    expect(failed?.status).toBe("FAILED");
    expect(failed?.failureReason).toBe("dropped");
    expect(await adapter.nativeBalance(failed?.toAddress as string)).toBe(0n);
    await expectReleased(services, user.id, "ETH", 1n * ATOMS);
  }, 60_000);
});

describe("a hot wallet below its low line", () => {
  it("keeps the withdrawal waiting, then sends it once the hot wallet is topped up", async () => {
    const { signer, services } = await freshWallet();
    // The seed's ETH low line is 0.1: 0.5 − 0.45 (and the gas) falls below it.
    await fund(signer.hotWalletAddress, ETH / 2n);
    const { id: userId, email } = await userWith(services, "lowline", "ETH", 1n * ATOMS);
    const to = freshAddress();
    const id = await approvedWithdrawal(services, {
      userId,
      asset: "ETH",
      toAddress: to,
      amountAtoms: (45n * ATOMS) / 100n,
      feeAtoms: ATOMS / 1_000n,
    });

    expect(await sendApprovedWithdrawals(services, { signer })).toEqual({
      sent: [],
      waiting: [id],
    });
    expect((await findWithdrawal(services.db, id))?.status).toBe("APPROVED");
    expect(await findTransactionsFor(services.db, "WITHDRAWAL", id)).toEqual([]);

    await fund(signer.hotWalletAddress, 1n * ETH);
    expect((await sendApprovedWithdrawals(services, { signer })).sent).toEqual([id]);
    expect((await findWithdrawal(services.db, id))?.status).toBe("BROADCAST");
    expect(await services.wallet?.adapter.nativeBalance(to)).toBe((45n * ETH) / 100n);
    await mineBlocks(3);
    await trackWithdrawals(services, { signer, dropAfterMs: DROP_AFTER_MS });
    expect((await findWithdrawal(services.db, id))?.status).toBe("CONFIRMED");
    await eventually(async () => {
      expect(await balanceOf(services, { userId, account: "frozen", asset: "ETH" })).toBe(0n);
    });
    expect((await latestMailTo(email, { subject: /arrived/ })).subject).toBe(
      "Your withdrawal arrived",
    );
  }, 60_000);
});

describe("a crash between a transaction's verdict and its withdrawal's move", () => {
  it("finishes the withdrawal from the recorded verdict on the next pass", async () => {
    const { signer, services } = await freshWallet();
    await fund(signer.hotWalletAddress, 1n * ETH);
    const user = await userWith(services, "verdict", "ETH", 1n * ATOMS);
    const id = await approvedWithdrawal(services, {
      userId: user.id,
      asset: "ETH",
      toAddress: freshAddress(),
      amountAtoms: ATOMS / 100n,
      feeAtoms: ATOMS / 1_000n,
    });
    expect((await sendApprovedWithdrawals(services, { signer })).sent).toEqual([id]);
    const [stored] = await findTransactionsFor(services.db, "WITHDRAWAL", id);
    const receipt = await services.wallet?.adapter.receipt(stored?.hash as string);
    // The row reached its verdict; the process died before moving the withdrawal.
    await services.db.chainTransaction.update({
      where: { hash: stored?.hash as string },
      data: { status: "CONFIRMED", blockNumber: receipt?.blockNumber ?? null },
    });

    await trackWithdrawals(services, { signer, dropAfterMs: DROP_AFTER_MS });

    const done = await findWithdrawal(services.db, id);
    expect(done?.status).toBe("CONFIRMED");
    expect(done?.engineDoneAt).not.toBeNull();
    await eventually(async () => {
      expect(await balanceOf(services, { userId: user.id, account: "frozen", asset: "ETH" })).toBe(
        0n,
      );
    });
  }, 60_000);
});
