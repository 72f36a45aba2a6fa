import { randomBytes } from "node:crypto";
import { type Browser, expect, type Page, test } from "@playwright/test";
import pg from "pg";
import { ADMIN_URL, WEB_URL } from "../fixtures";
import { useOwnClientAddressPerTest } from "./support/client-address";
import { snap } from "./support/screens";
import { logInTrader, signInStaff } from "./support/sessions";
import { setUpTrading, type TestTrader } from "./support/trading-setup";

/**
 * [WALLET] Withdrawals end to end: a trader asks on the Withdraw page, finance decides in the
 * admin console, the signer sends from the hot wallet on the run's local chain, and the tokens
 * arrive at the address; a rejected one returns the funds and shows finance's reason.
 */

useOwnClientAddressPerTest(test);
// Each journey crosses two browsers (the trader, and finance with two-factor), the engine and the chain.
test.describe.configure({ mode: "serial", timeout: 90_000 });

const USDT_ON_CHAIN = 10n ** 6n;

/** A fresh address outside the exchange (one-case hex: accepted, stored checksummed). */
function freshAddress(): string {
  return `0x${randomBytes(20).toString("hex")}`;
}

async function rpc(method: string, params: unknown[]): Promise<unknown> {
  const url = process.env.E2E_CHAIN_RPC_URL;
  if (!url) throw new Error("E2E_CHAIN_RPC_URL is not set: run npm run test:e2e");
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await response.json()) as { result?: unknown; error?: { message: string } };
  if (body.error) throw new Error(body.error.message);
  return body.result;
}

async function tokenAddress(): Promise<string> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ contract_address: string }>(
      "SELECT contract_address FROM chain_assets WHERE chain_key = 'evm-local' AND asset_code = 'USDT'",
    );
    const address = rows[0]?.contract_address;
    if (!address) throw new Error("no USDT token recorded for the local chain");
    return address;
  } finally {
    await client.end();
  }
}

/** The token balance of `owner` on the local chain, in the token's units (6 decimals). */
async function usdtOnChain(owner: string): Promise<bigint> {
  const data = `0x70a08231${owner.slice(2).toLowerCase().padStart(64, "0")}`;
  return BigInt((await rpc("eth_call", [{ to: await tokenAddress(), data }, "latest"])) as string);
}

/**
 * Waits until `address` holds `units` of the token, mining a block now and then: the local chain
 * mines only on transactions, and a withdrawal counts as arrived after its confirmations.
 */
async function expectArrival(page: Page, address: string, units: bigint) {
  await expect
    .poll(
      async () => {
        await rpc("hardhat_mine", ["0x1"]);
        return usdtOnChain(address);
      },
      { timeout: 60_000, intervals: [500] },
    )
    .toBe(units);
  // …and the trader's history says so, with the transaction, once the confirmations are in.
  await expect
    .poll(
      async () => {
        await rpc("hardhat_mine", ["0x1"]);
        return page
          .getByTestId("withdrawal-row")
          .first()
          .getByTestId("withdrawal-status")
          .getAttribute("data-status");
      },
      { timeout: 60_000, intervals: [500] },
    )
    .toBe("CONFIRMED");
  await expect(page.getByTestId("withdrawal-row").first().getByTestId("withdrawal-tx")).toHaveText(
    /^0x[0-9a-f]{64}$/,
  );
}

async function requestOnPage(
  page: Page,
  trader: TestTrader,
  withdrawal: { address: string; amount: string },
) {
  await page.goto(`${WEB_URL}/wallet/withdraw?asset=USDT`);
  await expect(page.getByRole("heading", { name: "Withdraw", exact: true })).toBeVisible();
  await page.getByLabel("Address", { exact: true }).fill(withdrawal.address);
  await page.getByLabel("Amount (USDT)").fill(withdrawal.amount);
  await expect(page.getByTestId("withdraw-fee")).toHaveText(/^\d+(\.\d+)? USDT$/);
  // Amounts are grouped in thousands as the viewer's locale writes them ("1,500").
  const grouped = withdrawal.amount.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  await expect(page.getByTestId("withdraw-receive")).toHaveText(`${grouped} USDT`);
  await page.getByLabel("Password").fill(trader.password);
}

async function financePage(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signInStaff(page, "FINANCE");
  return { page, close: () => context.close() };
}

let trader: TestTrader;
const destination = freshAddress();

test.beforeAll(async () => {
  const setup = await setUpTrading();
  trader = await setup.createTrader({ USDT: "20000" });
  await setup.close();
});

test("[WALLET] a large withdrawal waits for finance, is approved in admin, then arrives on chain", async ({
  page,
  browser,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await logInTrader(page, trader);
  await requestOnPage(page, trader, { address: destination, amount: "1500" });
  await snap(page, "wallet-withdraw-desktop");
  await page.getByRole("button", { name: "Withdraw", exact: true }).click();
  await expect(page.getByTestId("withdraw-done")).toContainText("waiting for approval");
  const row = page.getByTestId("withdrawal-row").first();
  await expect(row.getByTestId("withdrawal-status")).toHaveAttribute(
    "data-status",
    "PENDING_APPROVAL",
  );
  await expect(row.getByRole("button", { name: "Cancel withdrawal" })).toBeVisible();
  const id = await row.getAttribute("data-id");

  await page.setViewportSize({ width: 390, height: 844 });
  await snap(page, "wallet-withdraw-phone");
  await page.setViewportSize({ width: 1440, height: 900 });

  const finance = await financePage(browser);
  await finance.page.goto(`${ADMIN_URL}/withdrawals`);
  const queued = finance.page.locator(`[data-testid="withdrawal-row"][data-id="${id}"]`);
  await expect(queued).toContainText("1,500");
  await expect(queued.getByTestId("risk-flag")).toContainText("First use of this address");
  await snap(finance.page, "admin-withdrawal-queue-desktop");
  await queued.getByRole("link", { name: "Review" }).click();
  await expect(finance.page.getByTestId("approvals-progress")).toHaveText("0 of 1 approval");
  await snap(finance.page, "admin-withdrawal-detail-desktop");
  await finance.page.setViewportSize({ width: 390, height: 844 });
  await snap(finance.page, "admin-withdrawal-detail-phone");
  await finance.page.goto(`${ADMIN_URL}/withdrawals`);
  await snap(finance.page, "admin-withdrawal-queue-phone");
  await finance.page.goto(`${ADMIN_URL}/withdrawals/${id}`);
  await finance.page.getByRole("button", { name: "Approve — send to the chain" }).click();
  await expect(finance.page.getByTestId("withdrawal-status").first()).not.toHaveAttribute(
    "data-status",
    "PENDING_APPROVAL",
  );
  await finance.close();

  await expectArrival(page, destination, 1500n * USDT_ON_CHAIN);
});

test("[WALLET] a small withdrawal to a known address is approved automatically and arrives", async ({
  page,
}) => {
  await logInTrader(page, trader);
  const before = await usdtOnChain(destination);
  await requestOnPage(page, trader, { address: destination, amount: "25" });
  await page.getByRole("button", { name: "Withdraw", exact: true }).click();
  await expect(page.getByTestId("withdraw-done")).toContainText("approved");
  await expectArrival(page, destination, before + 25n * USDT_ON_CHAIN);
});

test("[WALLET] a rejected withdrawal returns the funds and shows finance's reason", async ({
  page,
  browser,
}) => {
  await logInTrader(page, trader);
  await page.goto(`${WEB_URL}/wallet/withdraw?asset=USDT`);
  const available = page.getByText(/^Available: [\d,.]+ USDT$/);
  await expect(available).toBeVisible();
  const before = await available.textContent();
  await requestOnPage(page, trader, { address: freshAddress(), amount: "300" });
  await page.getByRole("button", { name: "Withdraw", exact: true }).click();
  await expect(page.getByTestId("withdraw-done")).toContainText("waiting for approval");
  const row = page.getByTestId("withdrawal-row").first();
  const id = await row.getAttribute("data-id");

  const finance = await financePage(browser);
  await finance.page.goto(`${ADMIN_URL}/withdrawals/${id}`);
  await finance.page
    .getByLabel("Reason for rejection")
    .fill("We could not confirm this withdrawal with you. Contact support.");
  await finance.page.getByRole("button", { name: "Reject and return the funds" }).click();
  await expect(finance.page.getByTestId("withdrawal-decisions")).toContainText("Rejected by");
  await finance.close();

  await expect(row.getByTestId("withdrawal-status")).toHaveAttribute("data-status", "REJECTED", {
    timeout: 15_000,
  });
  await expect(row.getByTestId("withdrawal-reason")).toHaveText(
    "Rejected: We could not confirm this withdrawal with you. Contact support.",
  );
  await expect(available).toHaveText(before ?? "", { timeout: 20_000 });
});
