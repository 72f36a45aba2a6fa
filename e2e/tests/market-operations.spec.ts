import { type Browser, expect, type Page, test } from "@playwright/test";
import { ADMIN_URL, WEB_URL } from "../fixtures";
import { useOwnClientAddressPerTest } from "./support/client-address";
import { snap } from "./support/screens";
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

/**
 * [MARKETS] Operations list a perpetual contract from the console's form (issue 20 §1): a tier
 * whose maintenance is at its initial margin is refused beside the cell; tiers are added and
 * removed; the listed contract shows in the markets table with a "Perpetual" badge and is halted
 * there like any market. A coin of its own, so the journey reads only its own contract.
 */
test("[MARKETS] operations list a perpetual contract from the form and halt it", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const coin = `P${Date.now().toString(36).toUpperCase().slice(-6)}`;
  const contract = `${coin}USDT-PERP`;
  const admin = await (await browser.newContext()).newPage();
  await signInStaff(admin, "OPERATIONS");
  await admin.goto(`${ADMIN_URL}/markets`);

  const assetForm = admin.getByRole("form", { name: "New asset" });
  await assetForm.getByLabel("Code").fill(coin);
  await assetForm.getByLabel("Name").fill("Contract journey coin");
  await assetForm.getByLabel("Decimal places").fill("8");
  await assetForm.getByRole("button", { name: "Create asset" }).click();
  await expect(assetForm.getByRole("status")).toHaveText(`${coin} is listed.`);

  const form = admin.getByRole("form", { name: "List a perpetual contract" });
  await form.getByLabel("Base asset").fill(coin);
  // The defaults: 8 h funding, a 0.3 % cap, 0.01 % interest, three tiers.
  await expect(form.getByRole("combobox", { name: "Funding interval" })).toHaveValue("8");
  await expect(form.getByLabel("Funding cap (0.003 = 0.3 %)")).toHaveValue("0.003");
  const tiers = form.getByTestId("risk-tier");
  await expect(tiers).toHaveCount(3);
  // 2 % maintenance at 50×: liquidated the moment it opens. Refused beside the cell.
  await tiers.nth(0).getByLabel("Maintenance rate").fill("0.02");
  await form.getByRole("button", { name: "List contract" }).click();
  await expect(form.getByRole("alert")).toHaveText("Some fields need a correction.");
  await expect(tiers.nth(0)).toContainText("must be below 1 / 50 (the initial margin)");
  await expect(admin.getByTestId("market-row").filter({ hasText: contract })).toHaveCount(0);
  await tiers.nth(0).getByLabel("Maintenance rate").fill("0.01");
  // The corrected cell's message goes as it is edited.
  await expect(tiers.nth(0)).not.toContainText("must be below");

  // A fourth tier, added and filled, then removed again.
  await form.getByRole("button", { name: "Add a tier" }).click();
  await expect(tiers).toHaveCount(4);
  await tiers.nth(3).getByLabel("Up to (USDT)").fill("5000000");
  await form.getByRole("button", { name: "Remove tier 4" }).click();
  await expect(tiers).toHaveCount(3);

  await form.locator("select[name=status]").selectOption("TRADING");
  await admin.setViewportSize({ width: 1280, height: 800 });
  await snap(form, "admin-contract-form-desktop");
  await form.getByRole("button", { name: "List contract" }).click();
  await expect(form.getByRole("status")).toHaveText(`${contract} is listed.`);

  const row = admin.getByTestId("market-row").filter({ hasText: contract });
  await expect(row.getByRole("rowheader")).toContainText("Perpetual");
  await expect(row).toContainText("Trading");
  await row.getByRole("button", { name: `Halt ${contract}` }).click();
  await row.getByRole("button", { name: "Halt market" }).click();
  await expect(row).toContainText("Halted");
  await snap(admin, "admin-markets-contract-halted");

  await admin.setViewportSize({ width: 390, height: 844 });
  await snap(form, "admin-contract-form-phone");
});
