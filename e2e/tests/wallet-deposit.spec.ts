import { expect, test } from "@playwright/test";
import { fundOnLocalChain } from "../../packages/chain/src/local-faucet";
import { ADMIN_URL, WEB_URL } from "../fixtures";
import { snapBothSizes } from "./support/screens";
import { logInToAdmin, logInTrader, sectionNav } from "./support/sessions";
import { setUpTrading, type TestTrader, type TradingSetup } from "./support/trading-setup";

/**
 * A trader deposits ETH on the run's real local chain: opens Deposit, copies the address the
 * page shows, the test sends the ether and mines blocks, the page counts the confirmations up
 * live (`@wallet` pushes) and shows the credit, and the Wallet page the new balance.
 */

const RPC_URL = process.env.E2E_CHAIN_RPC_URL ?? "";

// Both journeys mine blocks on the run's one chain: one at a time, so each counts its own.
test.describe.configure({ mode: "serial" });

let setup: TradingSetup;
let trader: TestTrader;
let whale: TestTrader;

test.beforeAll(async () => {
  if (!RPC_URL) throw new Error("E2E_CHAIN_RPC_URL is not set: run with npm run test:e2e");
  setup = await setUpTrading();
  trader = await setup.createTrader({ USDT: "100" });
  whale = await setup.createTrader({});
});

test.afterAll(() => setup?.close());

async function mineBlock(): Promise<void> {
  const response = await fetch(RPC_URL, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "hardhat_mine", params: ["0x1"] }),
  });
  expect(response.ok).toBe(true);
}

test("[WALLET] a deposit on chain shows its confirmations rising, then the credited balance", async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: WEB_URL });
  await logInTrader(page, trader);
  await page.getByRole("link", { name: "Wallet" }).click();
  await expect(page.getByRole("heading", { name: "Wallet", level: 1 })).toBeVisible();
  await page
    .getByTestId("wallet-balance")
    .filter({ hasText: "ETH" })
    .getByRole("link", { name: "Deposit" })
    .click();

  await expect(page.getByRole("heading", { name: "Deposit", exact: true })).toBeVisible();
  await expect(page.getByTestId("deposit-confirmations")).toHaveText("3 network confirmations");
  await expect(page.getByTestId("deposit-minimum")).toHaveText("0.001 ETH");
  await expect(page.getByTestId("deposit-qr")).toBeVisible();
  await expect(page.getByTestId("no-deposits")).toBeVisible();
  const address = (await page.getByTestId("deposit-address").textContent())?.trim() ?? "";
  expect(address).toMatch(/^0x[0-9a-fA-F]{40}$/);
  await page.getByTestId("copy-address").click();
  await expect(page.getByTestId("copy-address")).toHaveText("Copied");
  expect(await page.evaluate<string>("navigator.clipboard.readText()")).toBe(address);

  // The trader's own wallet sends 0.25 ETH to the copied address.
  await fundOnLocalChain({ rpcUrl: RPC_URL, to: address, amountUnits: 25n * 10n ** 16n });
  const status = page.getByTestId("deposit-row").first().getByTestId("deposit-status");
  await expect(status).toHaveText("1 / 3 confirmations");
  await expect(page.getByTestId("deposit-row").first()).toContainText("+0.25 ETH");
  await snapBothSizes(page, "wallet-deposit-confirming");
  await mineBlock();
  await expect(status).toHaveText("2 / 3 confirmations");
  await mineBlock();
  await expect(status).toHaveText("Credited");

  await page.getByRole("link", { name: "← Wallet" }).click();
  const eth = page.getByTestId("wallet-balance").filter({ hasText: "ETH" });
  await expect(eth.getByTestId("balance-available")).toHaveText("0.25");
  await expect(page.getByTestId("deposit-history")).toContainText("Credited");
  await snapBothSizes(page, "wallet");
});

test("[WALLET] a large deposit waits for finance, who clears it in admin, and the trader sees it credited", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  await logInTrader(page, whale);
  await page.goto(`${WEB_URL}/wallet/deposit?asset=ETH`);
  const address = (await page.getByTestId("deposit-address").textContent())?.trim() ?? "";
  expect(address).toMatch(/^0x[0-9a-fA-F]{40}$/);

  // At least the asset's large-deposit line (100 ETH in the seed): held for review.
  await fundOnLocalChain({ rpcUrl: RPC_URL, to: address, amountUnits: 150n * 10n ** 18n });
  const status = page.getByTestId("deposit-row").first().getByTestId("deposit-status");
  await expect(status).toHaveText("Held for review");
  await mineBlock();
  await mineBlock();

  const admin = await (await browser.newContext()).newPage();
  await logInToAdmin(admin, "FINANCE");
  await sectionNav(admin).getByRole("link", { name: "Deposits" }).click();
  await expect(admin.getByRole("heading", { name: "Deposits", level: 1 })).toBeVisible();
  await admin.goto(`${ADMIN_URL}/deposits?status=HELD&flagged=yes`);
  const row = admin.getByTestId("deposit-row").filter({ hasText: `#${whale.id}` });
  await expect(row.getByTestId("deposit-flag")).toHaveText("Large amount");
  await snapBothSizes(admin, "admin-deposits");
  await row.getByRole("button", { name: "Clear" }).click();
  await expect(row).toHaveCount(0);
  await admin.goto(`${ADMIN_URL}/deposits`);
  await expect(
    admin.getByTestId("deposit-row").filter({ hasText: `#${whale.id}` }),
  ).toHaveAttribute("data-status", "CREDITED");
  await admin.context().close();

  await expect(status).toHaveText("Credited");
  await page.goto(`${WEB_URL}/wallet`);
  const eth = page.getByTestId("wallet-balance").filter({ hasText: "ETH" });
  await expect(eth.getByTestId("balance-available")).toHaveText("150");
});
