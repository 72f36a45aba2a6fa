import { expect, type Locator, type Page, test } from "@playwright/test";
import { WEB_URL } from "../fixtures";
import { expectAccessible } from "./support/accessibility";
import { submitWebLogIn } from "./support/sessions";
import { setUpTrading, type TestTrader, type TradingSetup } from "./support/trading-setup";

/**
 * The trade page as a newcomer meets it: a quiet console, panels that say they are loading,
 * times that say when an order was placed and when it last changed, a way to fund an empty
 * account, the keyboard, Chinese, and a phone. BTC/USDT at prices far from anything else, so
 * each journey reads its own orders.
 */
const SYMBOL = "BTCUSDT";
const TRADE_URL = `${WEB_URL}/trade/${SYMBOL}`;

let setup: TradingSetup;

test.beforeAll(async () => {
  test.setTimeout(60_000);
  setup = await setUpTrading();
});

test.afterAll(async () => {
  await setup?.close();
});

const form = (page: Page) => page.getByTestId("order-form");
const account = (page: Page) => page.getByTestId("account-panel");
const book = (page: Page) => page.getByTestId("order-book");
const toast = (page: Page, text: string) => page.getByTestId("toast").filter({ hasText: text });

/** Logs in (in English: the language cookie wins over the browser's) and opens the market. */
async function openAsTrader(page: Page, trader: TestTrader) {
  await page.context().addCookies([{ name: "locale", value: "en", url: WEB_URL }]);
  await submitWebLogIn(page, trader);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(TRADE_URL);
  await expect(page.getByTestId("stream-status")).toHaveAttribute("data-authenticated", "true");
}

async function placeLimit(page: Page, side: "Buy" | "Sell", price: string, amount: string) {
  const f = form(page);
  await f.getByRole("button", { name: side, exact: true }).click();
  await f.getByRole("button", { name: "Limit", exact: true }).click();
  await f.getByRole("textbox", { name: "Price", exact: true }).fill(price);
  await f.getByRole("textbox", { name: "Amount", exact: true }).fill(amount);
  await f.getByRole("button", { name: `${side} BTC` }).click();
}

/** Console warnings and errors of the page from now on (a missing favicon aside). */
function consoleProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "warning" && message.type() !== "error") return;
    if (message.location().url.endsWith("/favicon.ico")) return;
    problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

test("[TRADING] the trade page loads without a warning: the book says Loading, then shows the market live", async ({
  page,
  browser,
}) => {
  test.setTimeout(60_000);
  // A resting ask for the book to show.
  const maker = await setup.createTrader({ BTC: "1" });
  const makerContext = await browser.newContext();
  const makerPage = await makerContext.newPage();
  await openAsTrader(makerPage, maker);
  await placeLimit(makerPage, "Sell", "987654.32", "0.01");
  await expect(toast(makerPage, "Sell limit order placed")).toBeVisible();
  await makerContext.close();

  // The first HTML, before any script: the book is loading, not empty, and nothing is Live.
  const html = await (await page.request.get(TRADE_URL)).text();
  const bookHtml = html.match(/data-testid="order-book"[\s\S]*?<\/section>/)?.[0] ?? "";
  expect(bookHtml).toContain("Loading the book…");
  expect(bookHtml).not.toContain("No asks");
  const status = html.match(/data-testid="stream-status"[\s\S]*?<\/span><\/div>/)?.[0] ?? "";
  expect(status).toContain("Connecting…");

  const problems = consoleProblems(page);
  await page.goto(TRADE_URL);
  await expect(book(page).getByTestId("book-ask").filter({ hasText: "987,654.32" })).toBeVisible();
  await expect(page.getByTestId("stream-status")).toHaveText("Live");
  await expect(page.getByTestId("panel-loading")).toHaveCount(0);
  // Another load in the same tab, as a trader switching back and forth would.
  await page.reload();
  await expect(page.getByTestId("stream-status")).toHaveText("Live");
  await page.waitForTimeout(1_000);
  expect(problems).toEqual([]);
  await expectAccessible(page, "the trade page, logged out");
});

test("[TRADING] a just-cancelled order is at the top of the history with the time it was placed and the time it changed", async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const trader = await setup.createTrader({ USDT: "1000" });
  await openAsTrader(page, trader);
  await placeLimit(page, "Buy", "11.11", "1");
  await expect(toast(page, "Buy limit order placed")).toBeVisible();
  await placeLimit(page, "Buy", "22.22", "1");
  const open = account(page).getByTestId("open-order");
  await expect(open).toHaveCount(2);

  // Cancel the newer first, then the older one: the older is the latest change.
  for (const price of ["22.22", "11.11"]) {
    await open
      .filter({ hasText: price })
      .getByRole("button", { name: /Cancel order/ })
      .click();
    await expect(open.filter({ hasText: price })).toHaveCount(0);
  }

  await account(page).getByRole("tab", { name: "Order history" }).click();
  const panel = account(page);
  await expect(
    panel.getByRole("columnheader", { name: /^Last update · placed \(.+\)$/ }),
  ).toBeVisible();
  const rows = panel.getByTestId("history-order");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("11.11");
  await expect(rows.first()).toContainText("Cancelled");
  await expect(rows.nth(1)).toContainText("22.22");
  // Nothing of the row is cut off beside the book: the last column shows whole.
  const status = panel.getByRole("columnheader", { name: "Status" });
  await expect(status).toBeInViewport({ ratio: 1 });
  // Both times, machine-readable: placed before it changed.
  const instant = (cell: Locator) => cell.locator("time").getAttribute("datetime");
  const placed = Date.parse((await instant(rows.first().getByTestId("history-placed"))) ?? "");
  const updated = Date.parse((await instant(rows.first().getByTestId("history-updated"))) ?? "");
  expect(updated).toBeGreaterThan(placed);

  // After a reload the server's order is the same.
  await page.reload();
  await account(page).getByRole("tab", { name: "Order history" }).click();
  await expect(account(page).getByTestId("history-order").first()).toContainText("11.11");
  await expectAccessible(page, "the trade page, logged in");
});

test("[TRADING] a verified trader with no funds is shown the way to deposit, before and after a refusal", async ({
  page,
}) => {
  const trader = await setup.createTrader({});
  await openAsTrader(page, trader);
  const f = form(page);
  await expect(f.getByTestId("available")).toHaveText(/^Avbl 0 USDT$/);
  const hint = f.getByTestId("funding-hint");
  await expect(hint).toContainText("You have no USDT yet.");
  await expect(hint.getByRole("link", { name: "Deposit USDT" })).toHaveAttribute(
    "href",
    "/wallet/deposit?asset=USDT",
  );

  // Selling needs the base asset: the hint follows the side.
  await f.getByRole("button", { name: "Sell", exact: true }).click();
  await expect(hint.getByRole("link", { name: "Deposit BTC" })).toBeVisible();

  // The engine refuses the order; the refusal carries the same way out.
  await placeLimit(page, "Buy", "100", "1");
  const amount = f.getByRole("textbox", { name: "Amount", exact: true });
  await expect(amount).toHaveAccessibleDescription("Insufficient balance for this order.");
  await f.getByRole("link", { name: "Deposit USDT" }).click();
  await expect(page).toHaveURL(/\/wallet\/deposit\?asset=USDT$/);
});

/** Whether the element has the page's focus (evaluated in the browser). */
const hasFocus = (locator: Locator) =>
  locator.evaluate(
    (node) => node === (node.ownerDocument as { activeElement: unknown }).activeElement,
  );

/** The element's outline style (evaluated in the browser). */
function outlineStyleOf(node: unknown): string {
  const element = node as {
    ownerDocument: { defaultView: { getComputedStyle(e: unknown): { outlineStyle: string } } };
  };
  return element.ownerDocument.defaultView.getComputedStyle(node).outlineStyle;
}

test("[TRADING] an order is placed with the keyboard alone, its price picked from the book", async ({
  page,
  browser,
}) => {
  test.setTimeout(60_000);
  const maker = await setup.createTrader({ BTC: "1" });
  const makerContext = await browser.newContext();
  const makerPage = await makerContext.newPage();
  await openAsTrader(makerPage, maker);
  await placeLimit(makerPage, "Sell", "876543.21", "0.01");
  await expect(toast(makerPage, "Sell limit order placed")).toBeVisible();
  await makerContext.close();

  const trader = await setup.createTrader({ USDT: "100" });
  await openAsTrader(page, trader);
  // Tab from the page's start until the ask's row has focus, then pick it with Enter.
  const row = book(page)
    .getByTestId("book-ask")
    .filter({ hasText: "876,543.21" })
    .getByRole("button");
  await expect(row).toBeVisible();
  await page.locator("body").focus();
  for (let presses = 0; presses < 200; presses += 1) {
    await page.keyboard.press("Tab");
    if (await hasFocus(row)) break;
  }
  await expect(row).toBeFocused();
  // The focus is visible.
  expect(await row.evaluate(outlineStyleOf)).not.toBe("none");
  await page.keyboard.press("Enter");
  const f = form(page);
  await expect(f.getByRole("textbox", { name: "Price", exact: true })).toHaveValue("876543.21");

  // On to the form: choose Buy and a resting limit below the ask, then send with Enter.
  const buy = f.getByRole("button", { name: "Buy", exact: true });
  for (let presses = 0; presses < 200; presses += 1) {
    await page.keyboard.press("Tab");
    if (await hasFocus(buy)) break;
  }
  await expect(buy).toBeFocused();
  await page.keyboard.press("Space");
  await expect(buy).toHaveAttribute("aria-pressed", "true");
  const price = f.getByRole("textbox", { name: "Price", exact: true });
  while (!(await hasFocus(price))) {
    await page.keyboard.press("Tab");
  }
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("12.34");
  await page.keyboard.press("Tab");
  await expect(f.getByRole("textbox", { name: "Amount", exact: true })).toBeFocused();
  await page.keyboard.type("1");
  await page.keyboard.press("Enter");
  await expect(toast(page, "Buy limit order placed")).toBeVisible();
  await expect(account(page).getByTestId("open-order").filter({ hasText: "12.34" })).toHaveCount(1);
});

test.describe("in Chinese", () => {
  test.use({ locale: "zh-CN" });

  test("[TRADING] the trade page in Chinese places an order with Chinese labels", async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const trader = await setup.createTrader({ USDT: "1000" });
    await openAsTrader(page, trader);
    // From here the browser's language decides.
    await page.context().clearCookies({ name: "locale" });
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { name: "订单簿" })).toBeVisible();
    await expect(page.getByTestId("stream-status")).toHaveText("实时");
    const f = form(page);
    await f.getByRole("button", { name: "买入", exact: true }).click();
    await f.getByRole("button", { name: "限价", exact: true }).click();
    await f.getByRole("textbox", { name: "价格", exact: true }).fill("13.57");
    await f.getByRole("textbox", { name: "数量", exact: true }).fill("1");
    await f.getByRole("button", { name: "买入 BTC" }).click();
    await expect(toast(page, "限价买单已提交")).toBeVisible();
    const order = account(page).getByTestId("open-order").filter({ hasText: "13.57" });
    await expect(order).toContainText("买入");
    await expect(order).toContainText("限价");
    await expect(
      account(page).getByRole("columnheader", { name: /^下单时间（.+）$/ }),
    ).toBeVisible();
    await expectAccessible(page, "the trade page in Chinese");
  });
});

/** Sets a phone's size when the project runs at a desktop's. */
async function asPhone(page: Page) {
  if ((page.viewportSize()?.width ?? 0) > 390)
    await page.setViewportSize({ width: 390, height: 844 });
}

/** Every visible button, link, tab and field of `scope` is at least 40 px high. */
async function expectTouchTargets(scope: Locator) {
  const small = await scope
    .locator("button:visible, a:visible, [role=tab]:visible, input:visible, select:visible")
    .evaluateAll((nodes) =>
      nodes
        .filter((node) => {
          const box = node.getBoundingClientRect();
          const target = node.closest("label") ?? node;
          const area = target.getBoundingClientRect();
          return box.width > 0 && Math.max(box.height, area.height) < 40;
        })
        .map((node) => node.outerHTML.slice(0, 120)),
    );
  expect(small).toEqual([]);
}

test("[TRADING] on a phone the market's panels are tabs, and an order is placed and cancelled through them @phone", async ({
  page,
}) => {
  test.setTimeout(60_000);
  await asPhone(page);
  const trader = await setup.createTrader({ USDT: "1000" });
  await openAsTrader(page, trader);
  const tabs = page.getByTestId("phone-tabs");
  await expect(tabs.getByRole("tab")).toHaveCount(4);
  // One panel at a time, nothing wider than the screen.
  await expect(page.getByTestId("price-chart")).toBeVisible();
  await expect(book(page)).toBeHidden();
  await tabs.getByRole("tab", { name: "Book", exact: true }).click();
  await expect(book(page)).toBeVisible();
  await expect(page.getByTestId("price-chart")).toBeHidden();
  await expectTouchTargets(book(page));
  await tabs.getByRole("tab", { name: "Trades", exact: true }).click();
  await expect(page.getByTestId("recent-trades")).toBeVisible();

  await tabs.getByRole("tab", { name: "Trade", exact: true }).click();
  await expect(form(page)).toBeVisible();
  await expectTouchTargets(form(page));
  await expectTouchTargets(tabs);
  // Nothing cut off or pushed sideways: the screen is no wider than the phone.
  const overflow = await page
    .getByTestId("trading-screen")
    .evaluate((node) => node.scrollWidth - node.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  await placeLimit(page, "Buy", "14.68", "1");
  await expect(toast(page, "Buy limit order placed")).toBeVisible();
  const order = account(page).getByTestId("open-order").filter({ hasText: "14.68" });
  await order.scrollIntoViewIfNeeded();
  await order.getByRole("button", { name: /Cancel order/ }).click();
  await expect(toast(page, "Order cancelled")).toBeVisible();
  await expect(order).toHaveCount(0);
  await expectAccessible(page, "the trade page on a phone");
});
