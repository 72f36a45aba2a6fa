import { join } from "node:path";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { ADMIN_URL, WEB_URL } from "../fixtures";
import { useOwnClientAddressPerTest } from "./support/client-address";
import { signInStaff, submitWebLogIn } from "./support/sessions";
import { setUpTrading, type TestTrader, type TradingSetup } from "./support/trading-setup";

/**
 * [MARKETS] Operations list a new asset and its market in the admin console; two traders trade
 * it within seconds (its trade page, before the first order, shows an empty book and a live
 * stream); operations halt it (after confirming) and the trader's order form says the
 * market is halted; operations suspend the coin's deposits and withdrawals and resume them. A
 * coin of its own per run, so the journey reads only its own market.
 */

useOwnClientAddressPerTest(test);
test.describe.configure({ mode: "serial" });

const COIN = `M${Date.now().toString(36).toUpperCase().slice(-6)}`;
const SYMBOL = `${COIN}USDT`;

let setup: TradingSetup | undefined;

test.afterAll(async () => {
  await setup?.close();
});

async function snap(page: Page, name: string) {
  await page.screenshot({ path: join("test-results", "screens", `${name}.png`), fullPage: true });
}

async function openTradePage(browser: Browser, trader: TestTrader): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await submitWebLogIn(page, trader);
  await expect(page.getByTestId("account-email")).toBeVisible();
  await page.goto(`${WEB_URL}/trade/${SYMBOL}`);
  // Private channels (fills, balances) need the connection authenticated, not only live.
  await expect(page.getByTestId("stream-status")).toHaveAttribute("data-authenticated", "true");
  return page;
}

/**
 * A market listed a moment ago, before its first order: the book's empty sides, a chart and a
 * trades list waiting for the first trade, a live stream, and no panel in an error state.
 */
async function expectNoOrdersYet(page: Page) {
  await expect(page.getByText("No asks: nobody is selling right now.")).toBeVisible();
  await expect(page.getByText("No bids: nobody is buying right now.")).toBeVisible();
  await expect(
    page.getByText("No trades yet: the first candle appears with the first trade."),
  ).toBeVisible();
  await expect(page.getByText("No trades yet: none has happened on this market.")).toBeVisible();
  await expect(page.getByTestId("stream-status")).toHaveText("Live");
  await expect(page.getByTestId("ticker-last")).toHaveText("—");
  await expect(page.getByTestId("panel-error")).toHaveCount(0);
}

async function placeLimit(page: Page, side: "Buy" | "Sell", price: string, amount: string) {
  const form = page.getByTestId("order-form");
  await form.getByRole("button", { name: side, exact: true }).click();
  await form.getByRole("button", { name: "Limit", exact: true }).click();
  await form.getByRole("textbox", { name: "Price", exact: true }).fill(price);
  await form.getByRole("textbox", { name: "Amount", exact: true }).fill(amount);
  await form.getByRole("button", { name: `${side} ${COIN}` }).click();
}

test("[MARKETS] operations list a market, traders trade it at once, and a halt shows on the order form", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const admin = await (await browser.newContext()).newPage();
  await signInStaff(admin, "OPERATIONS");
  await admin.goto(`${ADMIN_URL}/markets`);

  const assetForm = admin.getByRole("form", { name: "New asset" });
  await assetForm.getByLabel("Code").fill(COIN);
  await assetForm.getByLabel("Name").fill("Market journey coin");
  await assetForm.getByLabel("Decimal places").fill("8");
  await assetForm.getByRole("button", { name: "Create asset" }).click();
  await expect(assetForm.getByRole("status")).toHaveText(`${COIN} is listed.`);

  const marketForm = admin.getByRole("form", { name: "New market" });
  await marketForm.getByLabel("Base asset").fill(COIN);
  // A tick that does not divide the maximum price: refused beside the field, nothing listed.
  await marketForm.getByLabel("Price tick").fill("0.03");
  await marketForm.getByRole("button", { name: "Create market" }).click();
  await expect(
    marketForm.getByText("The maximum price must be a positive multiple of the price tick."),
  ).toBeVisible();
  await marketForm.getByLabel("Price tick").fill("0.01");
  await marketForm.locator("select[name=status]").selectOption("TRADING");
  await marketForm.getByRole("button", { name: "Create market" }).click();
  await expect(marketForm.getByRole("status")).toHaveText(`${SYMBOL} is listed.`);
  const row = admin.getByTestId("market-row").filter({ hasText: SYMBOL });
  await expect(row).toContainText("Trading");
  await snap(admin, "admin-markets-created");

  // Two traders, funded after the listing (the set-up reads the assets as they are).
  setup = await setUpTrading();
  const alice = await setup.createTrader({ [COIN]: "10", USDT: "100" });
  const bob = await setup.createTrader({ USDT: "1000" });
  const [alicePage, bobPage] = await Promise.all([
    openTradePage(browser, alice),
    openTradePage(browser, bob),
  ]);
  await expectNoOrdersYet(alicePage);
  await snap(alicePage, "trade-new-market-desktop");
  await placeLimit(alicePage, "Sell", "12.5", "2");
  await placeLimit(bobPage, "Buy", "12.5", "2");
  const fill = bobPage.getByTestId("account-panel").getByTestId("history-order").first();
  await bobPage
    .getByTestId("account-panel")
    .getByRole("tab", { name: /Order history/ })
    .click();
  await expect(fill).toContainText("Filled", { timeout: 15_000 });
  await expect(alicePage.getByTestId("ticker-last")).toHaveText("12.50", { timeout: 15_000 });

  // Operations halt it: a second click confirms.
  await row.getByRole("button", { name: `Halt ${SYMBOL}` }).click();
  await row.getByRole("button", { name: "Halt market" }).click();
  await expect(row).toContainText("Halted");

  // The trader's open page learns it within seconds, without a reload.
  const note = alicePage.getByTestId("market-closed-note");
  await expect(note).toContainText("halted", { timeout: 15_000 });
  await expect(
    alicePage.getByTestId("order-form").getByRole("button", { name: "Trading paused" }),
  ).toBeDisabled();
  await snap(alicePage, "trade-halted-desktop");
  await alicePage.setViewportSize({ width: 390, height: 844 });
  await snap(alicePage, "trade-halted-phone");

  // Operations suspend the coin's deposits and withdrawals, with a reason, then resume them.
  const statusForm = admin.getByRole("form", {
    name: "Change an asset's deposits and withdrawals",
  });
  await statusForm.getByRole("combobox", { name: "Asset" }).selectOption(COIN);
  await statusForm.getByRole("textbox", { name: "Reason" }).fill("Contract upgrade");
  await statusForm.getByRole("button", { name: "Apply" }).click();
  await expect(statusForm.getByRole("status")).toHaveText(
    `${COIN} deposits and withdrawals are off.`,
  );
  await statusForm.getByRole("button", { name: "Apply" }).click();
  await expect(statusForm).toContainText(`${COIN} is already DISABLED.`);
  await statusForm
    .getByRole("combobox", { name: "Deposits and withdrawals" })
    .selectOption("ACTIVE");
  await statusForm.getByRole("button", { name: "Apply" }).click();
  await expect(statusForm.getByRole("status")).toHaveText(
    `${COIN} deposits and withdrawals are on.`,
  );
  await snap(admin, "admin-markets-desktop-asset-status");
  await admin.setViewportSize({ width: 390, height: 844 });
  await snap(admin, "admin-markets-phone");
});
