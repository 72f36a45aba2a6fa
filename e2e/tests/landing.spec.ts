import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { ADMIN_URL, WEB_URL } from "../fixtures";
import { expectAccessible } from "./support/accessibility";
import { snap } from "./support/screens";
import { submitWebLogIn } from "./support/sessions";
import { setUpTrading, type TestTrader, type TradingSetup } from "./support/trading-setup";

/**
 * The front door: what a newcomer sees before signing up (live markets, the steps to start),
 * the frame around every page (language, time zone, the phone menu), and the icons of both apps.
 * BTC/USDT at a price no other journey uses, so the board's price is this journey's own trade.
 */
const TRADE_PRICE = "54321.09";
const TRADE_PRICE_SHOWN = "54,321.09";

const main = (page: Page) => page.getByRole("main");
const board = (page: Page) => page.getByRole("region", { name: "Markets" });

/** A trader's order over the API, with the cookies of their logged-in page. */
async function placeLimit(
  request: APIRequestContext,
  order: { side: "buy" | "sell"; price: string; quantity: string },
) {
  const response = await request.post(`${WEB_URL}/api/trpc/trading.placeOrder`, {
    data: { json: { symbol: "BTCUSDT", type: "limit", ...order } },
  });
  expect(response.status(), await response.text()).toBe(200);
}

async function loggedInPage(page: Page, trader: TestTrader) {
  await submitWebLogIn(page, trader);
  await expect(page.getByTestId("account-email")).toContainText(trader.email);
}

test.describe("the front page", () => {
  let setup: TradingSetup;
  test.beforeAll(async () => {
    setup = await setUpTrading();
  });
  test.afterAll(async () => {
    await setup?.close();
  });

  test("[LANDING] a visitor sees the markets move live, the four steps to start, and links that lead on", async ({
    page,
    browser,
  }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${WEB_URL}/`);
    await expect(page).toHaveURL(`${WEB_URL}/`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Trade digital assets on a venue that keeps its books straight",
    );
    await expect(page.getByTestId("landing-step")).toHaveText([
      /Create an account/,
      /Verify email and identity/,
      /Deposit/,
      /Trade/,
    ]);
    const btc = board(page).getByRole("link", { name: /BTC\/USDT/ });
    await expect(btc).toHaveAttribute("href", "/trade/BTCUSDT");
    await expectAccessible(page, "the front page");

    // Two traders cross on BTC/USDT: the open page shows the price without a reload.
    const seller = await setup.createTrader({ BTC: "0.001" });
    const buyer = await setup.createTrader({ USDT: "100" });
    const sellerPage = await (await browser.newContext()).newPage();
    const buyerPage = await (await browser.newContext()).newPage();
    await loggedInPage(sellerPage, seller);
    await loggedInPage(buyerPage, buyer);
    await placeLimit(sellerPage.request, { side: "sell", price: TRADE_PRICE, quantity: "0.001" });
    await placeLimit(buyerPage.request, { side: "buy", price: TRADE_PRICE, quantity: "0.001" });
    await expect(btc.getByTestId("landing-market-last")).toHaveText(TRADE_PRICE_SHOWN, {
      timeout: 20_000,
    });
    await snap(page, "landing.en.desktop");

    // A logged-in trader is offered the way to trade and to fund the account instead.
    await buyerPage.goto(`${WEB_URL}/`);
    await expect(main(buyerPage).getByRole("link", { name: "Trade", exact: true })).toHaveAttribute(
      "href",
      "/trade",
    );
    await expect(main(buyerPage).getByRole("link", { name: "Deposit" })).toHaveAttribute(
      "href",
      "/wallet/deposit",
    );
    await expect(main(buyerPage).getByRole("link", { name: "Sign up" })).toHaveCount(0);
    await Promise.all([sellerPage.context().close(), buyerPage.context().close()]);

    // The board leads to all markets, the calls to action to registration and log-in.
    await board(page).getByRole("link", { name: "All markets" }).click();
    await expect(page).toHaveURL(`${WEB_URL}/markets`);
    await expect(page.getByRole("heading", { name: "Markets", level: 1 })).toBeVisible();
    await page.getByRole("link", { name: "Exchange home" }).click();
    await expect(page).toHaveURL(`${WEB_URL}/`);
    await main(page).getByRole("link", { name: "Sign up", exact: true }).click();
    await expect(page).toHaveURL(`${WEB_URL}/register`);
    await page.goBack();
    await main(page).getByRole("link", { name: "Log in", exact: true }).click();
    await expect(page).toHaveURL(`${WEB_URL}/login`);
  });
});

test("[LANDING] both apps answer /favicon.ico and their icons with images", async ({
  request,
  page,
}) => {
  for (const base of [WEB_URL, ADMIN_URL]) {
    const favicon = await request.get(`${base}/favicon.ico`);
    expect(favicon.status(), `${base}/favicon.ico`).toBe(200);
    expect(favicon.headers()["content-type"]).toMatch(/^image\//);
    expect((await favicon.body()).length).toBeGreaterThan(100);
  }
  for (const base of [WEB_URL, `${ADMIN_URL}/login`]) {
    await page.goto(base);
    for (const rel of ["icon", "apple-touch-icon"]) {
      const links = page.locator(`head link[rel="${rel}"]`);
      const hrefs = await Promise.all(
        (await links.all()).map(
          async (link) => new URL((await link.getAttribute("href")) ?? "", page.url()).href,
        ),
      );
      expect(hrefs.length, `${base} link[rel=${rel}]`).toBeGreaterThan(0);
      for (const href of hrefs) {
        const icon = await request.get(href);
        expect(icon.status(), href).toBe(200);
        expect(icon.headers()["content-type"], href).toMatch(/^image\//);
      }
    }
  }
});

test("[LANDING] switching the language in the header turns the page Chinese, and it stays after a reload", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${WEB_URL}/markets`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("banner").getByRole("combobox", { name: "Language" }).selectOption("zh-CN");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("市场");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("navigation", { name: "主导航" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "最新价" })).toBeVisible();

  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("市场");
  await page.goto(`${WEB_URL}/`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "在账目清晰可查的平台交易数字资产",
  );
  await expectAccessible(page, "the front page in Chinese");
  await snap(page, "landing.zh-CN.desktop");
});

test.describe("a browser that asks for Chinese, in Shanghai", () => {
  test.use({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });

  test("[LANDING] gets Chinese without choosing, and the footer names the zone times are in", async ({
    page,
  }) => {
    await page.goto(`${WEB_URL}/`);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByTestId("landing-step").first()).toContainText("注册账户");
    await expect(page.getByRole("banner").getByRole("link", { name: "注册" })).toBeVisible();
    await expect(page.getByTestId("time-zone")).toHaveText("时间显示为 GMT+8");
  });
});

test("[LANDING] the footer names the zone, the markets page and a missing page pass axe", async ({
  page,
}) => {
  await page.goto(`${WEB_URL}/markets`);
  await expect(page.getByTestId("market-row").first()).toBeVisible();
  await expect(page.getByTestId("time-zone")).toHaveText(/^Times in (UTC|GMT[+-]\d+)$/);
  await expectAccessible(page, "the markets page");

  const missing = await page.goto(`${WEB_URL}/no-such-page`);
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expectAccessible(page, "the not-found page");
});

test("[LANDING] @phone a visitor opens the phone menu and reaches the markets, which fit the screen", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${WEB_URL}/`);
  const menuButton = page.getByRole("button", { name: "Open menu" });
  await expect(menuButton).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  for (const target of [
    menuButton,
    page.getByRole("banner").getByRole("link", { name: "Sign up" }),
  ]) {
    expect((await target.boundingBox())?.height).toBeGreaterThanOrEqual(40);
  }
  await expectAccessible(page, "the front page on a phone");

  await menuButton.click();
  const menu = page.getByRole("navigation", { name: "Main" });
  await expect(menu).toBeVisible();
  const markets = menu.getByRole("link", { name: "Markets" });
  expect((await markets.boundingBox())?.height).toBeGreaterThanOrEqual(40);
  await expectAccessible(page, "the phone menu, open");
  await snap(page, "menu.en.phone");
  await markets.click();

  await expect(page).toHaveURL(`${WEB_URL}/markets`);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByTestId("market-card").first()).toBeVisible();
  const card = await page.getByTestId("market-card").first().getByRole("link").boundingBox();
  expect(card?.height).toBeGreaterThanOrEqual(40);
  const overflow = await page.evaluate<number>(
    "document.documentElement.scrollWidth - document.documentElement.clientWidth",
  );
  expect(overflow, "the page scrolls sideways").toBeLessThanOrEqual(0);
  await expectAccessible(page, "the markets page on a phone");
  await snap(page, "markets.en.phone");
});
