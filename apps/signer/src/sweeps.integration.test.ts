import { randomBytes } from "node:crypto";
import { createSigner, generateSignerMnemonic, type Signer } from "@exchange/chain/signer";
import { closeServices, type Services } from "@exchange/domains/services";
import { createTestUser } from "@exchange/domains/testing/test-users";
import { findTransactionsFor } from "@exchange/domains/wallet/chain-transaction-repository";
import { findSweep } from "@exchange/domains/wallet/sweep-repository";
import { sweepDeposits, trackSweeps } from "@exchange/domains/wallet/sweeps";
import { createEngineSandbox, EngineProcess, type EngineSandbox } from "@exchange/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CHAIN_KEY,
  fund,
  mineBlocks,
  signerServices,
  tokenContract,
} from "./testing/signer-fixtures";

/**
 * Sweeps on the local chain with a wallet of the test's own: credited deposits move from users'
 * deposit addresses to the hot wallet (ether directly; a token after the hot wallet pays the
 * address's gas), every transaction and sweep recorded, dust left where it is.
 */

const ETH = 10n ** 18n;
const DROP_AFTER_MS = 600_000;

let sandbox: EngineSandbox;
let engine: EngineProcess;
let signer: Signer;
let services: Services;

beforeAll(async () => {
  sandbox = await createEngineSandbox("sweeps");
  engine = await EngineProcess.start(sandbox);
  signer = createSigner(generateSignerMnemonic());
  services = await signerServices(sandbox, signer);
  await fund(signer.hotWalletAddress, 5n * ETH);
});

afterAll(async () => {
  await closeServices(services);
  await engine?.kill();
});

const depositAddressOf = (userId: number) => {
  if (!services.wallet) throw new Error("no chain");
  return services.wallet.addresses.depositAddress(userId);
};

/** A deposit the watcher credited: funds sent on chain to the user's address, and its row. */
async function creditedDeposit(asset: "ETH" | "USDT", chainAmount: bigint): Promise<number> {
  const user = await createTestUser(services.db, { tag: `sweep-${asset}`, kycLevel: 1 });
  const address = depositAddressOf(user.id);
  const token = asset === "USDT" ? await tokenContract(services) : undefined;
  await fund(address, chainAmount, token);
  const decimals = asset === "ETH" ? 18 : 6;
  await services.db.deposit.create({
    data: {
      chainKey: CHAIN_KEY,
      txHash: `0x${randomBytes(32).toString("hex")}`,
      logIndex: asset === "ETH" ? -1 : 0,
      assetCode: asset,
      userId: user.id,
      toAddress: address,
      fromAddress: signer.hotWalletAddress,
      chainAmount: chainAmount.toString(),
      amountAtoms: ((chainAmount * 10n ** 8n) / 10n ** BigInt(decimals)).toString(),
      blockNumber: 1n,
      blockHash: `0x${randomBytes(32).toString("hex")}`,
      confirmations: 3,
      status: "CREDITED",
      flags: [],
      creditedAt: new Date(),
    },
  });
  return user.id;
}

async function sweepOf(userId: number) {
  const deposit = await services.db.deposit.findFirst({
    where: { userId },
    select: { sweepId: true },
  });
  return deposit?.sweepId ? findSweep(services.db, deposit.sweepId) : undefined;
}

describe("sweeps to the hot wallet", () => {
  it("sweeps ether, and a token after a gas top-up, records both and leaves dust", async () => {
    const adapter = services.wallet?.adapter;
    if (!adapter) throw new Error("no chain");
    const token = await tokenContract(services);
    const etherUser = await creditedDeposit("ETH", 1n * ETH);
    const tokenUser = await creditedDeposit("USDT", 50_000_000n); // 50 USDT, no ether for gas
    const dustUser = await creditedDeposit("ETH", ETH / 2_000n); // 0.0005: under the least deposit
    const hotEther = await adapter.nativeBalance(signer.hotWalletAddress);

    await sweepDeposits(services, signer);
    // A second pass while they are under way makes no second sweep.
    await sweepDeposits(services, signer);

    const etherSweep = await sweepOf(etherUser);
    expect(etherSweep?.status).toBe("BROADCAST");
    const funding = await sweepOf(tokenUser);
    expect(funding?.status).toBe("FUNDING");
    expect(await sweepOf(dustUser)).toBeUndefined();
    expect(await services.db.sweep.count()).toBe(2);
    const [topUp] = await findTransactionsFor(services.db, "GAS_TOP_UP", String(funding?.id));
    expect(topUp?.fromAddress).toBe(signer.hotWalletAddress);

    // The top-up is mined: the token transfer follows.
    await trackSweeps(services, { signer, dropAfterMs: DROP_AFTER_MS });
    expect((await sweepOf(tokenUser))?.status).toBe("BROADCAST");
    await mineBlocks(3);
    await trackSweeps(services, { signer, dropAfterMs: DROP_AFTER_MS });

    const sweptEther = await sweepOf(etherUser);
    const sweptToken = await sweepOf(tokenUser);
    expect(sweptEther?.status).toBe("CONFIRMED");
    expect(sweptToken?.status).toBe("CONFIRMED");
    expect(sweptToken?.chainAmount).toBe(50_000_000n);
    // In the hot wallet: the token whole, the ether less at most its gas.
    expect(await adapter.tokenBalance(token, signer.hotWalletAddress)).toBe(50_000_000n);
    expect(await adapter.tokenBalance(token, depositAddressOf(tokenUser))).toBe(0n);
    const etherSwept = sweptEther?.chainAmount ?? 0n;
    expect(etherSwept).toBeGreaterThan((99n * ETH) / 100n);
    const hotEtherAfter = await adapter.nativeBalance(signer.hotWalletAddress);
    // Ether in: the sweep. Ether out: the top-up's value and its fee (under 0.01 ETH here).
    expect(hotEtherAfter - hotEther).toBeLessThan(etherSwept);
    expect(hotEtherAfter - hotEther).toBeGreaterThan(etherSwept - ETH / 100n);
    // The ether address keeps less than the dust line; the dust address keeps its deposit.
    expect(await adapter.nativeBalance(depositAddressOf(etherUser))).toBeLessThan(ETH / 1_000n);
    expect(await adapter.nativeBalance(depositAddressOf(dustUser))).toBe(ETH / 2_000n);
    const statuses = await services.db.chainTransaction.findMany({
      where: { purpose: { in: ["SWEEP", "GAS_TOP_UP"] } },
      select: { purpose: true, status: true },
      orderBy: { createdAt: "asc" },
    });
    expect(statuses.every((t) => t.status === "CONFIRMED")).toBe(true);
    expect(statuses.map((t) => t.purpose).sort()).toEqual(["GAS_TOP_UP", "SWEEP", "SWEEP"]);
  }, 60_000);
});
