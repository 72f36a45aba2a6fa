import { expect, test } from "@playwright/test";
import { createDb } from "../../packages/db/src/client";
import { EngineClient } from "../../packages/protocol/src/engine-client";
import { ADMIN_URL } from "../fixtures";
import { expectAccessible } from "./support/accessibility";
import { useOwnClientAddressPerTest } from "./support/client-address";
import { type PerpetualMarket, perpetualMarket } from "./support/perpetual-market";
import { expectFitsPhone, snap } from "./support/screens";
import { signInStaff } from "./support/sessions";
import { setUpTrading, type TradingSetup } from "./support/trading-setup";

/**
 * [FUTURES] Operations watch the derivatives risk (issue 20 §8): a trader's 20× cross long of
 * 2 ETH at 2 500 (600 USDT in the futures wallet) shows among the open positions with its
 * margin ratio; the mark falls to 2 150 and the position is liquidated into a bid at 2 250.
 * The journey trades the seed's ETHUSDT-PERP: the futures journey moves BTCUSDT-PERP's mark and
 * book at the same time in the other worker, and neither may liquidate the other's positions.
 * The console lists the liquidation, its detail shows the book fill at 45 000 and the 97.5 USDT
 * of margin left to the insurance fund, and the fund's history has that line. The mark is moved
 * here as the pricer would (it is off in the journeys). Desktop and phone.
 */

useOwnClientAddressPerTest(test);
test.describe.configure({ mode: "serial" });

const SYMBOL = "ETHUSDT-PERP";
const DESKTOP = { width: 1280, height: 800 };
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
  await perp.mark("2500");
});

test.afterAll(async () => {
  perp?.close();
  await engine?.close();
  await db?.$disconnect();
  await trading?.close();
});

test("[FUTURES] operations see a position by its margin ratio, its liquidation with the fill, and the insurance fund's line", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const maker = await trading.createTrader({ USDT: "100000" });
  await perp.fund(maker.id, "100000");
  await trading.placeLimitOrder(maker, {
    symbol: SYMBOL,
    side: "sell",
    price: "2500",
    quantity: "2",
  });
  const trader = await trading.createTrader({ USDT: "600" });
  await perp.fund(trader.id, "600");
  await trading.placeLimitOrder(trader, {
    symbol: SYMBOL,
    side: "buy",
    price: "2500",
    quantity: "2",
    ioc: true,
  });

  await page.setViewportSize(DESKTOP);
  await signInStaff(page, "OPERATIONS");
  await page
    .getByRole("navigation", { name: "Sections" })
    .getByRole("link", { name: "Futures risk" })
    .click();
  await expect(page).toHaveURL(`${ADMIN_URL}/risk`);
  await expect(page.getByRole("heading", { name: "Futures risk", level: 1 })).toBeVisible();
  const contract = page.locator(`[data-testid="risk-contract"][data-symbol="${SYMBOL}"]`);
  await expect(contract).toContainText("2,500");

  // The long: 2 ETH at 2 500, cross 20×, 25 USDT of maintenance (0.5 %) against 597.5 of wallet.
  // The page reads the projected positions once: reloaded until the projector has the fill.
  const position = page.locator(`[data-testid="risk-position"][data-user-id="${trader.id}"]`);
  await expect(async () => {
    await page.reload();
    await expect(position).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(position).toContainText(trader.email);
  await expect(position).toContainText("Long");
  await expect(position).toContainText("Cross 20×");
  await expect(position.getByTestId("margin-ratio")).toHaveText(/^4\.\d\d %$/);
  await expectAccessible(page, "futures risk positions");
  await snap(page, "admin-risk-desktop");
  await page.setViewportSize(PHONE);
  await expectFitsPhone(page);
  await snap(page, "admin-risk-phone");
  await page.setViewportSize(DESKTOP);

  // A bid at 2 250 (above its bankruptcy price, 2 201.25); the mark falls to 2 150.
  await trading.placeLimitOrder(maker, {
    symbol: SYMBOL,
    side: "buy",
    price: "2250",
    quantity: "2",
  });
  await perp.mark("2150");

  await page
    .getByRole("navigation", { name: "Futures risk pages" })
    .getByText("Liquidations")
    .click();
  await expect(page).toHaveURL(`${ADMIN_URL}/risk/liquidations`);
  const liquidation = page
    .getByTestId("risk-liquidation")
    .filter({ hasText: trader.email })
    .first();
  await expect(async () => {
    await page.reload();
    await expect(liquidation).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(liquidation).toContainText("book 2");
  await expect(liquidation.getByTestId("liquidation-insurance")).toHaveText("+97.5USDT");
  await expectAccessible(page, "futures risk liquidations");
  await snap(page, "admin-risk-liquidations-desktop");

  await liquidation.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`2 ${SYMBOL} liquidated`);
  await expect(page.getByTestId("detail-insurance")).toHaveText(
    "97.5 USDT of margin left to the fund",
  );
  const fills = page.getByTestId("liquidation-fill");
  await expect(fills).toHaveCount(1);
  await expect(fills.first()).toContainText("2,250");
  await expect(fills.first()).toContainText("2");
  await expect(fills.first()).toContainText(`#${maker.id}`);
  await expectAccessible(page, "futures liquidation detail");
  await snap(page, "admin-risk-liquidation-desktop");
  await page.setViewportSize(PHONE);
  await expectFitsPhone(page);
  await snap(page, "admin-risk-liquidation-phone");
  await page.setViewportSize(DESKTOP);

  // The insurance fund: its balance and the liquidation's line among its latest changes.
  await page.goto(`${ADMIN_URL}/risk/insurance`);
  const fund = page.locator('[data-testid="insurance-fund"][data-asset="USDT"]');
  await expect(fund.getByTestId("insurance-balance")).toHaveText(/^[+−]?[\d,]+(\.\d+)?USDT$/);
  const line = fund.getByTestId("insurance-line").filter({ hasText: trader.email });
  await expect(line).toHaveAttribute("data-kind", "liquidation");
  await expect(line).toContainText(`Liquidation on ${SYMBOL}`);
  await expect(line.getByTestId("insurance-amount")).toHaveText("+97.5USDT");
  await expectAccessible(page, "futures insurance fund");
  await snap(page, "admin-risk-insurance-desktop");
  await page.setViewportSize(PHONE);
  await expectFitsPhone(page);
  await snap(page, "admin-risk-insurance-phone");
  await page.setViewportSize(DESKTOP);

  // The position is gone from the ranking.
  await page.goto(`${ADMIN_URL}/risk`);
  await expect(
    page.locator(`[data-testid="risk-position"][data-user-id="${trader.id}"]`),
  ).toHaveCount(0);
});

test("finance may read the risk view; compliance is refused it", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signInStaff(page, "FINANCE");
  await page.goto(`${ADMIN_URL}/risk/funding`);
  await expect(page.getByRole("heading", { name: "Futures risk", level: 1 })).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Funding settlements, newest first" }),
  ).toBeVisible();
  await snap(page, "admin-risk-funding-desktop");
  await page.context().clearCookies();
  await signInStaff(page, "COMPLIANCE");
  expect((await page.goto(`${ADMIN_URL}/risk`))?.status()).toBe(403);
  await expect(
    page.getByRole("heading", { name: "You don't have access to Futures risk" }),
  ).toBeVisible();
});
