/**
 * The hot-wallet check against the run's local chain: alerts open once (and finance is mailed
 * once) while the hot wallet is below its lines, and resolve as it is topped up. The test's
 * assets live on a chain key of its own, so its alerts are its own in the run's shared database.
 */
import { randomBytes } from "node:crypto";
import { fundOnLocalChain } from "@exchange/chain/local-faucet";
import { requireRunVar } from "@exchange/protocol/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findActiveStaffEmailsWithRole } from "../identity/staff-repository";
import type { Services } from "../services";
import { latestMailTo, mailsTo } from "../testing/mail";
import { closeServices, testServices } from "../testing/test-services";
import {
  checkHotWallet,
  isHotWalletBelowLow,
  type TreasuryDeps,
  treasuryOverview,
} from "./treasury";
import { findOpenWalletAlerts, openWalletAlert } from "./wallet-alert-repository";

const rpcUrl = requireRunVar("CHAIN_RPC_URL");
const token = requireRunVar("TEST_CHAIN_TOKEN_ADDRESS");
const chainKey = `evm-treasury-${randomBytes(4).toString("hex")}`;
const ETH = 10n ** 18n;
const USDT = 10n ** 6n;

let services: Services;
let deps: TreasuryDeps;
let financeEmail: string;

beforeAll(async () => {
  services = await testServices();
  if (!services.wallet) throw new Error("the integration run has a local chain");
  deps = { ...services, wallet: { ...services.wallet, key: chainKey } };
  // The seeded lines of the local chain, on this test's own chain key.
  await services.db.chainAsset.createMany({
    data: [
      {
        chainKey,
        assetCode: "ETH",
        kind: "NATIVE",
        decimals: 18,
        confirmations: 1,
        minDeposit: "0.001",
        hotWalletWarning: "1",
        hotWalletLow: "0.1",
      },
      {
        chainKey,
        assetCode: "USDT",
        kind: "ERC20",
        contractAddress: token,
        decimals: 6,
        confirmations: 1,
        minDeposit: "1",
        hotWalletWarning: "1000",
        hotWalletLow: "100",
      },
    ],
  });
  const finance = await findActiveStaffEmailsWithRole(services.db, "FINANCE");
  financeEmail = finance[0] ?? "";
  expect(financeEmail).not.toBe("");
});

afterAll(async () => {
  if (!services) return;
  await services.db.walletAlert.deleteMany({ where: { chainKey } });
  await services.db.chainAsset.deleteMany({ where: { chainKey } });
  await closeServices(services);
});

const fund = (amountUnits: bigint, asset: "ETH" | "USDT") =>
  fundOnLocalChain({
    rpcUrl,
    to: deps.wallet.addresses.hotWalletAddress,
    amountUnits,
    ...(asset === "USDT" ? { token } : {}),
  });

const openKinds = async () =>
  (await findOpenWalletAlerts(services.db, chainKey)).map((a) => `${a.assetCode}:${a.kind}`).sort();

const subject = /^Hot wallet low: ETH, USDT$/;

describe("the hot-wallet check", () => {
  it("opens a warning and a low alert per asset of an empty hot wallet, and mails finance once", async () => {
    const before = (await mailsTo(financeEmail))[0];
    const first = await checkHotWallet(deps);
    expect(first.balances.map((b) => [b.assetCode, b.state])).toEqual([
      ["ETH", "BELOW_LOW"],
      ["USDT", "BELOW_LOW"],
    ]);
    expect(await openKinds()).toEqual([
      "ETH:HOT_WALLET_LOW",
      "ETH:HOT_WALLET_WARNING",
      "USDT:HOT_WALLET_LOW",
      "USDT:HOT_WALLET_WARNING",
    ]);
    const mail = await latestMailTo(financeEmail, {
      subject,
      ...(before ? { after: before } : {}),
    });
    expect(mail.text).toContain("below its low line of 0.1 ETH: ETH withdrawals wait");
    expect(mail.text).toContain("below its warning line of 1000 USDT");

    // The next run finds the same balances: nothing opens, nobody is mailed again.
    const second = await checkHotWallet(deps);
    expect(second.opened).toEqual([]);
    expect(second.resolved).toBe(0);
    await new Promise((r) => setTimeout(r, 500));
    const after = (await mailsTo(financeEmail)).filter((m) => subject.test(m.subject));
    expect(after.filter((m) => m.receivedAt >= mail.receivedAt)).toHaveLength(1);
  });

  it("holds one open alert per asset and kind even when two checks race", async () => {
    const alert = {
      chainKey,
      assetCode: "ETH",
      kind: "HOT_WALLET_LOW" as const,
      message: "raced",
      at: new Date(),
    };
    expect(await openWalletAlert(services.db, alert)).toBeUndefined();
    const raced = await Promise.all([checkHotWallet(deps), checkHotWallet(deps)]);
    expect(raced.flatMap((r) => r.opened)).toEqual([]);
    expect(await openKinds()).toHaveLength(4);
  });

  it("resolves the low alert on a top-up between the lines, then the warning above them", async () => {
    expect(await isHotWalletBelowLow(deps, "ETH")).toBe(true);
    await fund(ETH / 2n, "ETH");
    expect(await isHotWalletBelowLow(deps, "ETH")).toBe(false);
    expect(await isHotWalletBelowLow(deps, "USDT")).toBe(true);
    const between = await checkHotWallet(deps);
    expect(between.balances.find((b) => b.assetCode === "ETH")?.state).toBe("BELOW_WARNING");
    expect(between.resolved).toBe(1);
    expect(await openKinds()).toEqual([
      "ETH:HOT_WALLET_WARNING",
      "USDT:HOT_WALLET_LOW",
      "USDT:HOT_WALLET_WARNING",
    ]);

    await fund(ETH, "ETH");
    await fund(5_000n * USDT, "USDT");
    const above = await checkHotWallet(deps);
    expect(above.balances.map((b) => b.state)).toEqual(["OK", "OK"]);
    expect(above.resolved).toBe(3);
    expect(await openKinds()).toEqual([]);
  });

  it("shows finance the balances against their lines and every alert with its resolve time", async () => {
    const overview = await treasuryOverview(
      { ...services, wallet: deps.wallet },
      { sweeps: 10, alerts: 50 },
    );
    expect(overview.chain?.hotWalletAddress).toBe(deps.wallet.addresses.hotWalletAddress);
    expect(overview.chain?.assets).toEqual([
      { assetCode: "ETH", balance: "1.5", warningLine: "1", lowLine: "0.1", state: "OK" },
      { assetCode: "USDT", balance: "5000", warningLine: "1000", lowLine: "100", state: "OK" },
    ]);
    const mine = overview.recentAlerts.filter((a) => a.chainKey === chainKey);
    expect(mine).toHaveLength(4);
    for (const alert of mine) expect(alert.resolvedAt).toBeInstanceOf(Date);
  });
});
