import { type Browser, expect, type Locator, type Page, test } from "@playwright/test";
import { WEB_URL } from "../fixtures";
import { submitWebLogIn } from "./support/sessions";
import {
  openOrderCount,
  setUpTrading,
  type TestTrader,
  type TradingSetup,
} from "./support/trading-setup";

/**
 * Two traders in two browsers on one market. Everything each one sees after the first page
 * load arrives live (WebSocket pushes and the page's own refreshes): no test reloads a page.
 * ETH/USDT at prices far from anything else, so the journeys read their own orders.
 */
const SYMBOL = "ETHUSDT";
const TRADE_URL = `${WEB_URL}/trade/${SYMBOL}`;

test.describe.configure({ mode: "serial" });

let setup: TradingSetup;
let alice: TestTrader;
let bob: TestTrader;
let alicePage: Page;
let bobPage: Page;

async function openTradingPage(browser: Browser, trader: TestTrader): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await submitWebLogIn(page, trader);
  await expect(page.getByTestId("account-email")).toBeVisible();
  await page.goto(TRADE_URL);
  // Live, and authenticated: the trader's own updates come as pushes, not by polling.
  await expect(page.getByTestId("stream-status")).toHaveText("Live");
  await expect(page.getByTestId("stream-status")).toHaveAttribute("data-authenticated", "true");
  return page;
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(90_000);
  setup = await setUpTrading();
  alice = await setup.createTrader({ ETH: "2", USDT: "1000" });
  bob = await setup.createTrader({ USDT: "5000" });
  [alicePage, bobPage] = await Promise.all([
    openTradingPage(browser, alice),
    openTradingPage(browser, bob),
  ]);
});

test.afterAll(async () => {
  await Promise.all([alicePage?.context().close(), bobPage?.context().close()]);
  await setup?.close();
});

const form = (page: Page) => page.getByTestId("order-form");
const asks = (page: Page) => page.getByTestId("order-book").getByTestId("book-ask");
const account = (page: Page) => page.getByTestId("account-panel");
const field = (page: Page, name: "Price" | "Amount") =>
  form(page).getByRole("textbox", { name, exact: true });
const toast = (page: Page, text: string) => page.getByTestId("toast").filter({ hasText: text });

/** Chooses side and type, fills the form and sends it. */
async function placeOrder(
  page: Page,
  order: { side: "Buy" | "Sell"; type: "Limit" | "Market"; price?: string; amount: string },
) {
  const f = form(page);
  await f.getByRole("button", { name: order.side, exact: true }).click();
  await f.getByRole("button", { name: order.type, exact: true }).click();
  if (order.type === "Market" && order.side === "Buy") {
    await f.getByLabel(/Buy a set amount/).check();
  }
  if (order.price) await field(page, "Price").fill(order.price);
  await field(page, "Amount").fill(order.amount);
  await f.getByRole("button", { name: `${order.side} ETH` }).click();
}

async function showTab(page: Page, name: RegExp | string) {
  await account(page).getByRole("tab", { name }).click();
}

/** The available amount of `asset` on the Assets tab. */
function available(page: Page, asset: string): Locator {
  return account(page)
    .locator(`[data-testid="balance-row"][data-asset="${asset}"]`)
    .getByTestId("balance-available");
}

test("[TRADING] a visitor watches the market and is asked to log in to trade", async ({ page }) => {
  await page.goto(TRADE_URL);
  await expect(page.getByRole("heading", { name: "Order book" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Market trades" })).toBeVisible();
  await expect(page.getByTestId("price-chart")).toBeVisible();
  await expect(page.getByTestId("stream-status")).toHaveText("Live");
  await expect(form(page)).toContainText("Log in to trade ETH/USDT");
  await expect(form(page).getByRole("button", { name: /Buy|Sell/ })).toHaveCount(0);
  await form(page).getByRole("link", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/login\?next=%2Ftrade%2FETHUSDT$/);
});

test("[TRADING] A's limit sell appears in B's book; B buys at market; both see the fill live", async () => {
  test.setTimeout(90_000);
  const tickerBefore = await bobPage.getByTestId("ticker-last").textContent();

  await placeOrder(alicePage, { side: "Sell", type: "Limit", price: "2345.67", amount: "0.5" });
  await expect(toast(alicePage, "Sell limit order placed")).toBeVisible();
  await expect(account(alicePage).getByTestId("open-order")).toContainText(["2,345.67"]);

  // Bob's book shows Alice's ask without a reload; clicking it puts the price in his form.
  const ask = asks(bobPage).filter({ hasText: "2,345.67" });
  await expect(ask).toContainText("0.5000");
  await ask.getByRole("button").click();
  await expect(field(bobPage, "Price")).toHaveValue("2345.67");

  await placeOrder(bobPage, { side: "Buy", type: "Market", amount: "0.5" });
  await expect(toast(bobPage, "Buy market order filled")).toBeVisible();
  await expect(asks(bobPage).filter({ hasText: "2,345.67" })).toHaveCount(0);

  // Both trade histories, from each side of the trade.
  for (const [page, side, role] of [
    [alicePage, "Sell", "Maker"],
    [bobPage, "Buy", "Taker"],
  ] as const) {
    await showTab(page, "Trade history");
    const fill = account(page).getByTestId("my-trade").first();
    await expect(fill).toContainText(side);
    await expect(fill).toContainText("2,345.67");
    await expect(fill).toContainText("0.5000");
    await expect(fill).toContainText(role);
  }
  await showTab(alicePage, "Order history");
  await expect(account(alicePage).getByTestId("history-order").first()).toContainText("Filled");
  await expect(account(alicePage).getByRole("tab", { name: /Open orders/ })).toHaveText(
    "Open orders (0)",
  );

  // Balances, to the atom: Alice sold 0.5 ETH for 1172.835 USDT less the 0.1 % maker fee
  // (1.172835); Bob paid 1172.835 USDT and received 0.5 ETH less the 0.1 % taker fee (0.0005).
  await showTab(alicePage, "Assets");
  await expect(available(alicePage, "ETH")).toHaveText("1.5");
  await expect(available(alicePage, "USDT")).toHaveText("2,171.662165");
  await showTab(bobPage, "Assets");
  await expect(available(bobPage, "ETH")).toHaveText("0.4995");
  await expect(available(bobPage, "USDT")).toHaveText("3,827.165");

  // The market moved for everyone: ticker, chart and the trades list.
  for (const page of [alicePage, bobPage]) {
    await expect(page.getByTestId("ticker-last")).toHaveText("2,345.67");
    await expect(page.getByTestId("chart-close")).toHaveText("2,345.67");
    await expect(
      page.getByTestId("recent-trades").getByTestId("market-trade").first(),
    ).toContainText("2,345.67");
  }
  expect(tickerBefore).not.toBe("2,345.67");
});

test("[TRADING] A cancels a resting order and it leaves B's book", async () => {
  await placeOrder(alicePage, { side: "Sell", type: "Limit", price: "2999.99", amount: "0.25" });
  await expect(asks(bobPage).filter({ hasText: "2,999.99" })).toContainText("0.2500");

  await showTab(alicePage, /Open orders/);
  const order = account(alicePage).getByTestId("open-order").filter({ hasText: "2,999.99" });
  await order.getByRole("button", { name: /Cancel order/ }).click();
  await expect(toast(alicePage, "Order cancelled")).toBeVisible();
  await expect(order).toHaveCount(0);
  await expect(asks(bobPage).filter({ hasText: "2,999.99" })).toHaveCount(0);
  // The frozen 0.25 ETH is available again.
  await showTab(alicePage, "Assets");
  await expect(available(alicePage, "ETH")).toHaveText("1.5");
});

test("[TRADING] an order below the minimum value is refused with the reason on the amount", async () => {
  const before = await openOrderCount(bob.id);
  await placeOrder(bobPage, { side: "Buy", type: "Limit", price: "100", amount: "0.001" });
  const amount = field(bobPage, "Amount");
  await expect(amount).toHaveAttribute("aria-invalid", "true");
  await expect(amount).toHaveAccessibleDescription("Order value is below the minimum of 5 USDT.");
  expect(await openOrderCount(bob.id)).toBe(before);
  // Editing the amount clears the message.
  await amount.fill("0.1");
  await expect(amount).not.toHaveAttribute("aria-invalid", "true");
});

test("[TRADING] a sell at 1 followed by 45 zeros is refused with the market's maximum price and never placed", async () => {
  const before = await openOrderCount(alice.id);
  await placeOrder(alicePage, {
    side: "Sell",
    type: "Limit",
    price: `1${"0".repeat(45)}`,
    amount: "0.0001",
  });
  const price = field(alicePage, "Price");
  await expect(price).toHaveAttribute("aria-invalid", "true");
  await expect(price).toHaveAccessibleDescription("Price is above the maximum of 1000000 USDT.");
  expect(await openOrderCount(alice.id)).toBe(before);
  await price.fill("3000");
  await expect(price).not.toHaveAttribute("aria-invalid", "true");
});

test("[TRADING] a fill shows in open orders from the push alone", async () => {
  await showTab(alicePage, /Open orders/);
  await placeOrder(alicePage, { side: "Sell", type: "Limit", price: "2444.44", amount: "0.3" });
  const order = account(alicePage).getByTestId("open-order").filter({ hasText: "2,444.44" });
  const filled = order.getByTestId("order-filled");
  await expect(filled).toHaveText("0.0000");

  // From here on Alice's page cannot read her orders again: only the pushes can move them.
  const rereads = /\/api\/trpc\/[^?]*trading\.(openOrders|orderHistory)/;
  await alicePage.route(rereads, (route) => route.abort());
  try {
    await placeOrder(bobPage, { side: "Buy", type: "Market", amount: "0.1" });
    // An earlier journey's toast may still show on Bob's page: this one names its own fill.
    await expect(toast(bobPage, "0.1000 ETH at 2,444.44 USDT")).toBeVisible();
    await expect(filled).toHaveText("0.1000");

    // The rest fills: the order leaves the open orders.
    await placeOrder(bobPage, { side: "Buy", type: "Market", amount: "0.2" });
    await expect(order).toHaveCount(0);
    await expect(account(alicePage).getByRole("tab", { name: /Open orders/ })).toHaveText(
      "Open orders (0)",
    );
  } finally {
    await alicePage.unroute(rereads);
  }
});
