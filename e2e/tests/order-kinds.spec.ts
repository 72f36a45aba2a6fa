import { type Browser, expect, type Page, test } from "@playwright/test";
import { WEB_URL } from "../fixtures";
import { expectAccessible } from "./support/accessibility";
import { submitWebLogIn } from "./support/sessions";
import {
  openOrderCount,
  setUpTrading,
  type TestTrader,
  type TradingSetup,
} from "./support/trading-setup";

/**
 * Stop-limit, OCO and amend as a trader sees them: Alice works in the browser; Bob, Carol and
 * Dave are the market around her, their orders sent to the engine as bots would. ETH/USDT at
 * prices between 1 000 and 1 600, below the other journeys' asks and above any bid they rest,
 * so every trade here is between these four traders.
 */
const SYMBOL = "ETHUSDT";
const TRADE_URL = `${WEB_URL}/trade/${SYMBOL}`;

test.describe.configure({ mode: "serial" });

let setup: TradingSetup;
let alice: TestTrader;
let bob: TestTrader;
let carol: TestTrader;
let dave: TestTrader;
let page: Page;

async function openTradingPage(browser: Browser, trader: TestTrader): Promise<Page> {
  const context = await browser.newContext();
  const opened = await context.newPage();
  await submitWebLogIn(opened, trader);
  await expect(opened.getByTestId("account-email")).toBeVisible();
  await opened.goto(TRADE_URL);
  await expect(opened.getByTestId("stream-status")).toHaveAttribute("data-authenticated", "true");
  return opened;
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(90_000);
  setup = await setUpTrading();
  alice = await setup.createTrader({ ETH: "1" });
  bob = await setup.createTrader({ USDT: "1000" });
  carol = await setup.createTrader({ ETH: "1" });
  dave = await setup.createTrader({ ETH: "1" });
  page = await openTradingPage(browser, alice);
});

test.afterAll(async () => {
  await page?.context().close();
  await setup?.close();
});

const form = () => page.getByTestId("order-form");
const account = () => page.getByTestId("account-panel");
const field = (name: string) => form().getByRole("textbox", { name, exact: true });
const toast = (text: string | RegExp) => page.getByTestId("toast").filter({ hasText: text });
const openOrders = () => account().getByTestId("open-order");
const history = () => account().getByTestId("history-order");
const order = (side: "buy" | "sell", price: string, quantity: string, ioc = true) => ({
  symbol: SYMBOL,
  side,
  price,
  quantity,
  ioc,
});

async function showTab(name: RegExp | string) {
  await account().getByRole("tab", { name }).click();
}

async function chooseSell(type: string) {
  await form().getByRole("button", { name: "Sell", exact: true }).click();
  await form().getByRole("button", { name: type, exact: true }).click();
}

/** Opens the amendment of Alice's open order at `price`, changes one figure and sends it. */
async function amend(price: string, change: { Price?: string; Quantity?: string }) {
  await showTab(/Open orders/);
  const row = openOrders().filter({ hasText: price });
  await row.getByRole("button", { name: /^Amend order/ }).click();
  const amendRow = account().getByTestId("amend-row");
  await expect(amendRow).toContainText("keeps your place in the queue");
  for (const [label, value] of Object.entries(change)) {
    await amendRow.getByRole("textbox", { name: label, exact: true }).fill(value);
  }
  await amendRow.getByRole("button", { name: "Amend", exact: true }).click();
}

test("[TRADING] a stop-limit waits for its trigger, and fills when another trader's trade reaches it", async () => {
  test.setTimeout(60_000);
  await chooseSell("Stop-limit");
  await expect(form().getByTestId("trigger-hint")).toContainText(
    "Waits until the last price falls to the stop price",
  );
  await field("Stop").fill("1100");
  await field("Price").fill("1099");
  await field("Amount").fill("0.01");
  await form().getByRole("button", { name: "Sell ETH" }).click();
  await expect(toast("Sell stop-limit order placed")).toBeVisible();
  const stop = openOrders().filter({ hasText: "Stop-limit" });
  await expect(stop).toContainText("1,100.00");
  await expect(stop.getByTestId("order-state")).toHaveText("Waiting for trigger");
  await expectAccessible(page, "trade page with a waiting stop-limit order");

  // Bob bids for 0.02 at 1 100; Carol sells him 0.01 there: the last price reaches the stop,
  // and Alice's order sells the other 0.01 to Bob.
  await setup.placeLimitOrder(bob, order("buy", "1100", "0.02", false));
  await setup.placeLimitOrder(carol, order("sell", "1100", "0.01"));
  await expect(stop).toHaveCount(0);
  await showTab("Order history");
  const filled = history().filter({ hasText: "Stop-limit" }).first();
  await expect(filled).toContainText("Filled");
  await expect(filled).toContainText("1,100.00");
});

test("[TRADING] an OCO's limit order fills and its stop order shows cancelled", async () => {
  test.setTimeout(60_000);
  await chooseSell("OCO");
  await expect(form().getByTestId("trigger-hint")).toContainText("the other is cancelled");
  await field("Price").fill("1300");
  await field("Stop").fill("1050");
  await field("Stop limit").fill("1049");
  await field("Amount").fill("0.01");
  await expectAccessible(page, "order form with an OCO");
  await form().getByRole("button", { name: "Sell ETH" }).click();
  await expect(toast(/OCO placed/)).toBeVisible();
  await showTab(/Open orders/);
  await expect(openOrders().filter({ hasText: "OCO" })).toHaveCount(2);
  await expect(
    openOrders().filter({ hasText: "Stop-limit · OCO" }).getByTestId("order-state"),
  ).toHaveText("Waiting for trigger");

  await setup.placeLimitOrder(bob, order("buy", "1300", "0.01"));
  await expect(openOrders().filter({ hasText: "OCO" })).toHaveCount(0);
  await showTab("Order history");
  await expect(history().filter({ hasText: "Limit · Post only · OCO" }).first()).toContainText(
    "Filled",
  );
  await expect(history().filter({ hasText: "Stop-limit · OCO" }).first()).toContainText(
    "Cancelled (other OCO order)",
  );
});

test("[TRADING] lowering an order's quantity keeps its place in the queue; changing its price loses it", async () => {
  test.setTimeout(90_000);
  // Alice first at 1 400, Dave behind her; Alice lowers her quantity and stays first.
  await chooseSell("Limit");
  await field("Price").fill("1400");
  await field("Amount").fill("0.02");
  await form().getByRole("button", { name: "Sell ETH" }).click();
  await expect(toast(/Sell limit order placed.*0\.0200 ETH at 1,400\.00/)).toBeVisible();
  await setup.placeLimitOrder(dave, order("sell", "1400", "0.01", false));
  await amend("1,400.00", { Quantity: "0.01" });
  await expect(toast("Order amended: it kept its place in the queue")).toBeVisible();
  await expect(openOrders().filter({ hasText: "1,400.00" })).toContainText("0.0100");

  await setup.placeLimitOrder(bob, order("buy", "1400", "0.01"));
  await expect(openOrders().filter({ hasText: "1,400.00" })).toHaveCount(0);
  expect(await openOrderCount(dave.id)).toBe(1);
  // Bob takes Dave's order too, which leaves the book as it was.
  await setup.placeLimitOrder(bob, order("buy", "1400", "0.01"));
  await expect.poll(() => openOrderCount(dave.id)).toBe(0);

  // Alice at 1 500.01, Dave at 1 500; Alice moves to 1 500 and so queues behind Dave.
  await chooseSell("Limit");
  await field("Price").fill("1500.01");
  await field("Amount").fill("0.01");
  await form().getByRole("button", { name: "Sell ETH" }).click();
  await expect(toast(/Sell limit order placed.*0\.0100 ETH at 1,500\.01/)).toBeVisible();
  await setup.placeLimitOrder(dave, order("sell", "1500", "0.01", false));
  await amend("1,500.01", { Price: "1500" });
  await expect(toast("Order amended: it was placed again at the back of the queue")).toBeVisible();
  await expect(openOrders().filter({ hasText: "1,500.00" })).toHaveCount(1);

  await setup.placeLimitOrder(bob, order("buy", "1500", "0.01"));
  await expect.poll(() => openOrderCount(dave.id)).toBe(0);
  await expect(openOrders().filter({ hasText: "1,500.00" })).toHaveCount(1);
  expect(await openOrderCount(alice.id)).toBe(1);
});
