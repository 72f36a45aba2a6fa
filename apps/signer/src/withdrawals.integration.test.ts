import { createSigner, generateSignerMnemonic, type Signer } from "@exchange/chain/signer";
import { closeServices, type Services } from "@exchange/domains/services";
import { eventually } from "@exchange/domains/testing/eventually";
import { createTestUser } from "@exchange/domains/testing/test-users";
import { findTransactionsFor } from "@exchange/domains/wallet/chain-transaction-repository";
import { findWithdrawal } from "@exchange/domains/wallet/withdrawal-repository";
import {
  createEngineSandbox,
  EngineProcess,
  type EngineSandbox,
  SignerProcess,
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
 * The signer process end to end on the run's local chain: approved withdrawals leave the hot
 * wallet, are counted to the asset's confirmations (3 in the seed), end CONFIRMED and are
 * settled by the engine; a signer that dies between storing a transaction and sending it sends
 * exactly that transaction once it is back.
 */

const ETH = 10n ** 18n;
const ATOMS = 10n ** 8n; // engine precision of ETH and USDT

let sandbox: EngineSandbox;
let engine: EngineProcess;
let worker: WorkerProcess;
let mnemonic: string;
let signer: Signer;
let services: Services;

beforeAll(async () => {
  sandbox = await createEngineSandbox("signer");
  engine = await EngineProcess.start(sandbox);
  worker = await WorkerProcess.start(sandbox);
  mnemonic = generateSignerMnemonic();
  signer = createSigner(mnemonic);
  services = await signerServices(sandbox, signer);
  await fund(signer.hotWalletAddress, 20n * ETH);
  await fund(signer.hotWalletAddress, 50_000n * 10n ** 6n, await tokenContract(services));
});

afterAll(async () => {
  await closeServices(services);
  await worker?.stop();
  await engine?.kill();
});

const statusOf = async (id: string) => (await findWithdrawal(services.db, id))?.status;

describe("the signer sends approved withdrawals", () => {
  it("sends ETH and USDT, confirms them after 3 blocks and settles them with the fee as income", async () => {
    const user = await createTestUser(services.db, { tag: "signer-send", kycLevel: 1 });
    await creditUser(services, user.id, "ETH", 2n * ATOMS);
    await creditUser(services, user.id, "USDT", 1_000n * ATOMS);
    const to = freshAddress();
    const token = await tokenContract(services);
    const feeBefore = await balanceOf(services, { userId: 0, account: "fee", asset: "USDT" });
    const ethId = await approvedWithdrawal(services, {
      userId: user.id,
      asset: "ETH",
      toAddress: to,
      amountAtoms: ATOMS / 4n, // 0.25 ETH
      feeAtoms: ATOMS / 1_000n, // 0.001 ETH
    });
    const usdtId = await approvedWithdrawal(services, {
      userId: user.id,
      asset: "USDT",
      toAddress: to,
      amountAtoms: 120n * ATOMS,
      feeAtoms: 1n * ATOMS,
    });

    const running = await SignerProcess.start({ ...sandbox, mnemonic });
    try {
      await eventually(async () => {
        expect(await statusOf(ethId)).toBe("BROADCAST");
        expect(await statusOf(usdtId)).toBe("BROADCAST");
      }, 20_000);
      // A second signer of the chain refuses to start beside it (it would reuse the nonces).
      await expect(SignerProcess.start({ ...sandbox, mnemonic })).rejects.toThrow(
        /another signer of chain evm-local/,
      );
      // On chain at once (the node mines each transaction), to the unit.
      const adapter = services.wallet?.adapter;
      expect(await adapter?.nativeBalance(to)).toBe(ETH / 4n);
      expect(await adapter?.tokenBalance(token, to)).toBe(120_000_000n);
      // One block of three: still counting, visible to the user.
      await eventually(async () => {
        expect((await findWithdrawal(services.db, ethId))?.confirmations).toBeGreaterThan(0);
      });
      const counting = await findWithdrawal(services.db, ethId);
      expect(counting?.confirmations).toBeLessThan(3);
      expect(counting?.status).toBe("BROADCAST");

      await mineBlocks(2);
      await eventually(async () => {
        expect(await statusOf(ethId)).toBe("CONFIRMED");
        expect(await statusOf(usdtId)).toBe("CONFIRMED");
      }, 20_000);
      const done = await findWithdrawal(services.db, usdtId);
      expect(done?.confirmations).toBeGreaterThanOrEqual(3);
      expect(done?.txHash).toMatch(/^0x[0-9a-f]{64}$/);
      await eventually(async () => {
        expect((await findWithdrawal(services.db, usdtId))?.engineDoneAt).not.toBeNull();
        expect(
          await balanceOf(services, { userId: user.id, account: "available", asset: "ETH" }),
        ).toBe(2n * ATOMS - ATOMS / 4n - ATOMS / 1_000n);
        expect(
          await balanceOf(services, { userId: user.id, account: "frozen", asset: "ETH" }),
        ).toBe(0n);
        expect(
          await balanceOf(services, { userId: user.id, account: "available", asset: "USDT" }),
        ).toBe(879n * ATOMS);
        expect(await balanceOf(services, { userId: 0, account: "fee", asset: "USDT" })).toBe(
          feeBefore + 1n * ATOMS,
        );
      });
      const stored = await findTransactionsFor(services.db, "WITHDRAWAL", ethId);
      expect(stored.map((t) => t.status)).toEqual(["CONFIRMED"]);
      expect(Object.values(await ledgerSums(services)).every((sum) => sum === 0n)).toBe(true);
    } finally {
      await running.stop();
    }
  }, 90_000);

  it("sends exactly one transaction when it dies after storing it and before sending it", async () => {
    const user = await createTestUser(services.db, { tag: "signer-restart", kycLevel: 1 });
    await creditUser(services, user.id, "ETH", 1n * ATOMS);
    const to = freshAddress();
    const id = await approvedWithdrawal(services, {
      userId: user.id,
      asset: "ETH",
      toAddress: to,
      amountAtoms: ATOMS / 10n,
      feeAtoms: ATOMS / 1_000n,
    });
    const adapter = services.wallet?.adapter;
    const sentBefore = await adapter?.transactionCount(signer.hotWalletAddress, "latest");

    const crashing = await SignerProcess.start(
      { ...sandbox, mnemonic },
      { SIGNER_TEST_EXIT_BEFORE_BROADCAST: "on" },
    );
    expect(await crashing.exited).toBe(3);
    // Stored and recorded, never sent.
    const [stored] = await findTransactionsFor(services.db, "WITHDRAWAL", id);
    expect(stored?.status).toBe("SIGNED");
    expect(await statusOf(id)).toBe("BROADCAST");
    expect(await adapter?.transactionKnown(stored?.hash as string)).toBe(false);
    expect(await adapter?.nativeBalance(to)).toBe(0n);

    const restarted = await SignerProcess.start({ ...sandbox, mnemonic });
    try {
      await eventually(async () => {
        expect(await adapter?.nativeBalance(to)).toBe(ETH / 10n);
      }, 20_000);
      await mineBlocks(3);
      await eventually(async () => {
        expect((await findWithdrawal(services.db, id))?.engineDoneAt).not.toBeNull();
      }, 20_000);
      const withdrawal = await findWithdrawal(services.db, id);
      expect(withdrawal?.status).toBe("CONFIRMED");
      expect(withdrawal?.txHash).toBe(stored?.hash);
      // Exactly one transaction left the hot wallet, the stored one, and paid once.
      expect(await adapter?.transactionCount(signer.hotWalletAddress, "latest")).toBe(
        (sentBefore ?? 0) + 1,
      );
      expect(await adapter?.nativeBalance(to)).toBe(ETH / 10n);
      expect(
        (await findTransactionsFor(services.db, "WITHDRAWAL", id)).map((t) => [t.hash, t.status]),
      ).toEqual([[stored?.hash, "CONFIRMED"]]);
      await eventually(async () => {
        expect(
          await balanceOf(services, { userId: user.id, account: "available", asset: "ETH" }),
        ).toBe(ATOMS - ATOMS / 10n - ATOMS / 1_000n);
        expect(
          await balanceOf(services, { userId: user.id, account: "frozen", asset: "ETH" }),
        ).toBe(0n);
      });
      const settles = await services.db.ledgerPosting.count({
        where: { cause: "withdraw.settle", userId: user.id },
      });
      expect(settles).toBe(1);
      expect(Object.values(await ledgerSums(services)).every((sum) => sum === 0n)).toBe(true);
    } finally {
      await restarted.stop();
    }
  }, 90_000);
});
