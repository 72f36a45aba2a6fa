import { expect, test } from "@playwright/test";
import { createDb } from "../../packages/db/src/client";
import { EngineClient } from "../../packages/protocol/src/engine-client";
import { WEB_URL } from "../fixtures";
import { expectAccessible } from "./support/accessibility";
import { useOwnClientAddressPerTest } from "./support/client-address";
import { type PerpetualMarket, perpetualMarket } from "./support/perpetual-market";
import { expectFitsPhone, snap } from "./support/screens";
import { logInTrader } from "./support/sessions";
import { setUpTrading, type TradingSetup } from "./support/trading-setup";

/**
 * [FUTURES] A newcomer trades BTCUSDT-PERP in the browser (issue 20 §7): moves 1 000 USDT from
 * spot into the futures wallet, opens a 10× long of 0.1 BTC at 50 000 against another trader's
 * offer (the cost shown first: 500 margin + 2.5 fee), watches the position's PnL follow the mark
 * to +100 at 51 000, closes half at 51 000 (+50 realised), and then the mark falls through the
 * liquidation price: the position is gone and its history says it was liquidated. The mark is
 * moved here as the pricer would (it is off in the journeys). Desktop and phone.
 */

useOwnClientAddressPerTest(test);
test.describe.configure({ mode: "serial" });

const SYMBOL = "BTCUSDT-PERP";
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

let trading: TradingSetup;
let engine: EngineClient;
let db: ReturnType<typeof createDb>;
let perp: PerpetualMarket;

test.beforeAll(async () => {
  trading = await setUpTrading();
  engine = await EngineClient.connect({
    redisUrl: process.env.E2E_REDIS_URL as string,
    prefix: process.env.E2E_REDIS_PREFIX as string,
  });
  db = createDb(process.env.E2E_DATABASE_URL as string);
  perp = await perpetualMarket({ symbol: SYMBOL, engine, db });
  await perp.mark("50000");
});

test.afterAll(async () => {
  perp?.close();
  await engine?.close();
  await db?.$disconnect();
  await trading?.close();
});

test("a visitor finds Futures in the header and watches the contract's mark and funding", async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  await page.goto(`${WEB_URL}/markets`);
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Futures" })
    .click();
  await expect(page).toHaveURL(`${WEB_URL}/futures/${SYMBOL}`);
  await expect(page.getByTestId("mark-price")).toHaveText("50,000.0");
  await expect(page.getByTestId("index-price")).toHaveText("50,000.0");
  await expect(page.getByTestId("funding-rate")).toHaveText("0.0100%");
  await expect(page.getByTestId("funding-countdown")).toHaveText(/^\d\d:\d\d:\d\d$/);
  await expect(page.getByTestId("order-form")).toContainText("Trade BTC/USDT perpetual");
  await expectAccessible(page, "futures (visitor)");
  await snap(page, "futures-visitor-desktop");
  await page.setViewportSize(PHONE);
  await expectFitsPhone(page);
  await snap(page, "futures-visitor-phone");
});

test("[FUTURES] a trader transfers USDT in, opens a 10× long, sees its PnL follow the mark, closes half, and is liquidated", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const maker = await trading.createTrader({ USDT: "1000000" });
  await perp.fund(maker.id, "1000000");
  await trading.placeLimitOrder(maker, {
    symbol: SYMBOL,
    side: "sell",
    price: "50000",
    quantity: "0.1",
  });
  const trader = await trading.createTrader({ USDT: "1000" });
  await page.setViewportSize(DESKTOP);
  await logInTrader(page, trader);
  await page.goto(`${WEB_URL}/futures/${SYMBOL}`);
  const form = page.getByRole("form", { name: "Open or close a position" });
  await expect(form.getByTestId("futures-wallet")).toHaveText("0 USDT");

  // Spot → futures: 1 000 USDT.
  await form.getByRole("button", { name: "Transfer" }).click();
  const dialog = page.getByRole("dialog", { name: "Transfer between spot and futures" });
  await expect(dialog.getByTestId("transfer-spot")).toHaveText("1000 USDT");
  await dialog.getByLabel("Amount").fill("1000");
  await snap(page, "futures-transfer-desktop");
  await dialog.getByRole("button", { name: "Transfer" }).click();
  await expect(dialog).toBeHidden();
  await expect(form.getByTestId("futures-wallet")).toHaveText("1000 USDT", { timeout: 20_000 });

  // 10×, then a market buy of 0.1 BTC: 500 margin and a 2.5 fee (taker 0.05 %).
  await form.getByTestId("leverage").selectOption("10");
  await expect(page.getByText("Leverage set to 10×")).toBeVisible();
  await form.getByRole("button", { name: "Market", exact: true }).click();
  await form.getByLabel("Amount").fill("0.1");
  await expect(form.getByTestId("order-margin")).toHaveText("500 USDT");
  await expect(form.getByTestId("order-fee")).toHaveText("2.5 USDT");
  await expect(form.getByTestId("order-cost")).toHaveText("502.5 USDT");
  await form.getByRole("button", { name: "Buy / Long BTC · 10×" }).click();
  await expect(page.getByText("Buy market order filled")).toBeVisible();

  const position = page.getByTestId("position");
  await expect(position).toHaveCount(1, { timeout: 20_000 });
  await expect(position).toHaveAttribute("data-side", "long");
  await expect(position.getByTestId("position-size")).toHaveText("Long 0.100 BTC");
  await expect(position.getByTestId("position-entry")).toHaveText("50,000.0");
  await expect(position.getByTestId("position-pnl")).toHaveText("0 USDT");
  await expect(position.getByTestId("position-liquidation")).toHaveText(/^\d{2},\d{3}\.\d$/);
  await expect(position).toContainText("Cross 10×");

  // The mark rises to 51 000: +100 USDT, without a reload.
  await perp.mark("51000");
  await expect(page.getByTestId("mark-price")).toHaveText("51,000.0");
  await expect(position.getByTestId("position-mark")).toHaveText("51,000.0");
  await expect(position.getByTestId("position-pnl")).toHaveText("+100 USDT", { timeout: 15_000 });
  await expectAccessible(page, "futures with a position");
  await snap(page, "futures-position-desktop");

  // The margin mode cannot change with a position open: the engine's refusal, in words.
  await form.getByTestId("margin-mode").getByRole("button", { name: "Isolated" }).click();
  await expect(form.getByTestId("mode-refusal")).toContainText("no position and no open order");

  // Close half at 51 000: 0.05 BTC, +50 realised.
  await trading.placeLimitOrder(maker, {
    symbol: SYMBOL,
    side: "buy",
    price: "51000",
    quantity: "0.05",
  });
  await position.getByRole("button", { name: "Close half" }).click();
  await expect(page.getByText("Half the position closed: 0.050 BTC")).toBeVisible();
  await expect(position.getByTestId("position-size")).toHaveText("Long 0.050 BTC", {
    timeout: 20_000,
  });
  await expect(position.getByTestId("position-realised")).toHaveText("+50 USDT");
  await expect(position.getByTestId("position-pnl")).toHaveText("+50 USDT");

  await page.setViewportSize(PHONE);
  await expectFitsPhone(page);
  await snap(page, "futures-position-phone");
  await page.getByRole("tab", { name: "Trade", exact: true }).click();
  await snap(page, "futures-form-phone");
  await page.setViewportSize(DESKTOP);

  // A bid waits in the book; the mark falls far below the liquidation price.
  await trading.placeLimitOrder(maker, {
    symbol: SYMBOL,
    side: "buy",
    price: "29500",
    quantity: "0.05",
  });
  await perp.mark("28000");
  await expect(page.getByTestId("position")).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId("positions-panel")).toContainText("No open position");
  await page.getByRole("tab", { name: "Position history" }).click();
  const liquidation = page.locator('[data-testid="position-event"][data-kind="liquidation"]');
  await expect(liquidation).toHaveCount(1, { timeout: 20_000 });
  await expect(liquidation).toContainText("Liquidated");
  // Its opening and the half closed before it.
  await expect(
    page.locator('[data-testid="position-event"][data-kind="trade"]').first(),
  ).toBeVisible();
  // The bell says so too, in words.
  await page.getByTestId("notification-bell").click();
  const notices = page.getByRole("dialog", { name: "Notifications" });
  await expect(notices).toContainText(`Position liquidated on ${SYMBOL}`, { timeout: 30_000 });
  // Prices read as prices: grouped, every digit kept.
  await expect(notices).toContainText("The mark reached 28,000");
  await snap(page, "futures-liquidated-notice-desktop");
  await page.keyboard.press("Escape");
  await expectAccessible(page, "futures after a liquidation");
  await snap(page, "futures-liquidated-desktop");
  await page.setViewportSize(PHONE);
  await expectFitsPhone(page);
  await snap(page, "futures-liquidated-phone");
});

test("[FUTURES] a trader sets TP/SL on a long; the market trades through the take-profit, the position closes and the stop-loss disappears", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await perp.mark("50000");
  const maker = await trading.createTrader({ USDT: "1000000" });
  await perp.fund(maker.id, "1000000");
  const other = await trading.createTrader({ USDT: "100000" });
  await perp.fund(other.id, "100000");
  const trader = await trading.createTrader({ USDT: "2000" });
  await perp.fund(trader.id, "2000");
  // The trader buys 0.1 BTC at 50 000 (20×) from the maker's offer: a long, and a last price.
  await trading.placeLimitOrder(maker, {
    symbol: SYMBOL,
    side: "sell",
    price: "50000",
    quantity: "0.1",
  });
  await trading.placeLimitOrder(trader, {
    symbol: SYMBOL,
    side: "buy",
    price: "50000",
    quantity: "0.1",
    ioc: true,
  });

  await page.setViewportSize(DESKTOP);
  await logInTrader(page, trader);
  await page.goto(`${WEB_URL}/futures/${SYMBOL}`);
  const position = page.getByTestId("position");
  await expect(position).toHaveCount(1, { timeout: 20_000 });
  await expect(position.getByTestId("position-size")).toHaveText("Long 0.100 BTC");

  // TP at 52 000 and SL at 48 000: each a reduce-only IOC stop for the whole 0.1 BTC.
  await position.getByRole("button", { name: "TP/SL" }).click();
  const dialog = page.getByRole("dialog", { name: "Take profit / stop loss" });
  await expect(dialog).toContainText("Long 0.100 BTC");
  await expect(dialog.getByTestId("tpsl-last")).toHaveText("50,000.0");
  // A long's stop-loss above the last price would close it at once: refused in words.
  await dialog.getByLabel("Stop-loss").fill("51000");
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(dialog.getByTestId("tpsl-stopLoss")).toContainText(
    "Must be below the last price (50,000.0).",
  );
  await dialog.getByLabel("Take-profit").fill("52000");
  await dialog.getByLabel("Stop-loss").fill("48000");
  await expect(dialog.getByTestId("tpsl-takeProfit")).toContainText(
    "Sells down to 49,400.0 at worst",
  );
  await expect(dialog.getByTestId("tpsl-stopLoss")).toContainText(
    "Sells down to 45,600.0 at worst",
  );
  await expectAccessible(page, "futures TP/SL dialog");
  await snap(page, "futures-tpsl-dialog-desktop");
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`TP/SL set on ${SYMBOL}`)).toBeVisible();

  // Both wait among the open orders, with their triggers.
  await page.getByRole("tab", { name: "Open orders" }).click();
  const open = page.getByTestId("open-order");
  await expect(open).toHaveCount(2, { timeout: 20_000 });
  await expect(open.filter({ hasText: "Take-profit" })).toContainText("52,000.0");
  await expect(open.filter({ hasText: "Stop-limit" })).toContainText("48,000.0");
  await expect(open.first().getByTestId("order-state")).toHaveText("Waiting for trigger");
  await snap(page, "futures-tpsl-open-orders-desktop");
  await page.setViewportSize(PHONE);
  await expectFitsPhone(page);
  await snap(page, "futures-tpsl-open-orders-phone");
  await page.setViewportSize(DESKTOP);

  // The form offers stop-limit and take-profit orders too, as on spot.
  const form = page.getByRole("form", { name: "Open or close a position" });
  await form.getByRole("button", { name: "Stop-limit", exact: true }).click();
  await expect(form.getByTestId("trigger-hint")).toContainText("rises to the stop price");
  await form.getByLabel("Stop", { exact: true }).fill("51000");
  await form.getByLabel("Amount").fill("0.01");
  await expect(form.getByTestId("order-margin")).not.toHaveText("—");
  await page.getByRole("tab", { name: /^Positions/ }).click();
  await expect(position.getByRole("button", { name: "Close", exact: true })).toBeInViewport();
  await snap(page, "futures-stop-form-desktop");
  await page.setViewportSize(PHONE);
  await page.getByRole("tab", { name: "Trade", exact: true }).click();
  await expectFitsPhone(page);
  await snap(page, "futures-stop-form-phone");
  await page.setViewportSize(DESKTOP);
  await page.getByRole("tab", { name: "Open orders" }).click();

  // The market trades at 52 000: the take-profit sells the long into the bid there.
  await trading.placeLimitOrder(maker, {
    symbol: SYMBOL,
    side: "buy",
    price: "52000",
    quantity: "0.2",
  });
  await trading.placeLimitOrder(other, {
    symbol: SYMBOL,
    side: "sell",
    price: "52000",
    quantity: "0.001",
    ioc: true,
  });
  await expect(open).toHaveCount(0, { timeout: 30_000 });
  await page.getByRole("tab", { name: /^Positions/ }).click();
  await expect(page.getByTestId("position")).toHaveCount(0, { timeout: 20_000 });
  await page.getByRole("tab", { name: "Order history" }).click();
  const history = page.getByTestId("history-order");
  await expect(history.filter({ hasText: "Cancelled (position closed)" })).toHaveCount(1, {
    timeout: 20_000,
  });
  await expect(history.filter({ hasText: "Take-profit" }).first()).toContainText("Filled");
  await snap(page, "futures-tpsl-closed-desktop");
});
