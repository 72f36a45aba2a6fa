import { expect, type Page, test } from "@playwright/test";
import { Redis } from "ioredis";
import { channels } from "../../packages/contracts/src/channels";
import { marketDataKeys } from "../../packages/contracts/src/market-data-keys";
import { encodeMarkPrice } from "../../packages/contracts/src/markprice";
import { parseUnits } from "../../packages/contracts/src/money";
import { createDb } from "../../packages/db/src/client";
import { recordIndexPrices } from "../../packages/domains/src/lending/index-price-repository";
import { sendIndexSet, sendPoolMove } from "../../packages/domains/src/lending/lending-engine";
import { EngineClient } from "../../packages/protocol/src/engine-client";
import { streamBusChannel } from "../../packages/protocol/src/stream-token";
import { ADMIN_URL, WEB_URL } from "../fixtures";
import { expectAccessible } from "./support/accessibility";
import { useOwnClientAddressPerTest } from "./support/client-address";
import { operationsSeeTheRiskiestLoan } from "./support/lending-risk";
import { expectFitsPhone, snap } from "./support/screens";
import { logInTrader, signInStaff } from "./support/sessions";
import { setUpTrading, type TradingSetup } from "./support/trading-setup";

/**
 * [LOANS] A trader borrows USDT against BTC on the Loans page (issue 19 part 4): the seed's
 * product, 1 BTC at an index of 30 000; the LTV, warning and liquidation prices are shown before
 * confirming; the loan appears under "My loans" with its LTV, and a part repayment lowers the
 * debt. The index is fed here as the publisher would (it is off in the journeys). Desktop and
 * phone, English and Chinese. The USDT pool's admin journey runs here first, serially, because
 * these borrowers are the only others who move that pool.
 */

useOwnClientAddressPerTest(test);
test.describe.configure({ mode: "serial" });

const PHONE = { width: 390, height: 844 };
let trading: TradingSetup;
let engine: EngineClient;
let db: ReturnType<typeof createDb>;
let redis: Redis;
let feeding: ReturnType<typeof setInterval> | undefined;
/** The BTC index the feed gives (USDT per BTC); a journey may move it, and puts it back. */
const OPENING_INDEX = "30000";
let indexPrice = OPENING_INDEX;

/** "100,000.5" → 100000.5 as atoms of 8 decimals, so sums stay exact. */
function atomsOf(text: string): bigint {
  const [whole = "0", fraction = ""] = text.replace(/[^\d.]/g, "").split(".");
  return BigInt(whole) * 10n ** 8n + BigInt(fraction.padEnd(8, "0").slice(0, 8) || "0");
}

async function poolBalance(page: Page): Promise<bigint> {
  const pool = page.locator('[data-testid="loan-pool"][data-asset="USDT"]');
  return atomsOf((await pool.getByTestId("loan-pool-balance").textContent()) ?? "");
}

/**
 * Feeds BTC at `indexPrice` USDT as the publisher would, every few seconds (kept fresh):
 * recorded, sent to the engine, and pushed on `BTCUSDT@markprice`.
 */
async function feedIndex() {
  const services = { engine, clock: { now: () => Date.now() } };
  const priceAtoms = parseUnits(indexPrice, 8);
  const at = Date.now();
  await recordIndexPrices(db, [
    {
      asset: "BTC",
      quote: "USDT",
      priceAtoms,
      method: "last",
      sources: "e2e",
      samples: 1,
      at: new Date(at),
    },
  ]);
  await sendIndexSet(services as never, { asset: "BTC", quote: "USDT", priceAtoms, at });
  const prefix = process.env.E2E_REDIS_PREFIX as string;
  const push = JSON.stringify(
    encodeMarkPrice({
      symbol: "BTCUSDT",
      indexPriceAtoms: priceAtoms,
      quotePrecision: 8,
      atMs: at,
    }),
  );
  await redis.set(marketDataKeys(prefix).markprice("BTCUSDT"), push);
  await redis.publish(streamBusChannel(prefix, channels.markprice("BTCUSDT")), push);
}

/** Moves the index at once (the feed keeps it there until moved again). */
async function moveIndex(price: string) {
  indexPrice = price;
  await feedIndex();
}

test.beforeAll(async () => {
  trading = await setUpTrading();
  engine = await EngineClient.connect({
    redisUrl: process.env.E2E_REDIS_URL as string,
    prefix: process.env.E2E_REDIS_PREFIX as string,
  });
  db = createDb(process.env.E2E_DATABASE_URL as string);
  redis = new Redis(process.env.E2E_REDIS_URL as string);
  await sendPoolMove({ engine, clock: { now: () => Date.now() } } as never, {
    direction: "fund",
    requestId: crypto.randomUUID(),
    asset: "USDT",
    amountAtoms: parseUnits("1000000", 8),
  });
  await feedIndex();
  feeding = setInterval(() => void feedIndex().catch(() => {}), 5_000);
});

test.afterAll(async () => {
  if (feeding) clearInterval(feeding);
  redis?.disconnect();
  await engine?.close();
  await db?.$disconnect();
  await trading?.close();
});

test("operations fund the USDT loan pool and see its figures; too large a defund moves nothing", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInStaff(page, "OPERATIONS");
  await page.goto(`${ADMIN_URL}/products/loan-pool`);
  await expect(page.getByRole("heading", { name: "Loan pool", level: 1 })).toBeVisible();
  const pool = page.locator('[data-testid="loan-pool"][data-asset="USDT"]');
  await expect(pool).toBeVisible();
  const before = await poolBalance(page);

  const form = page.getByRole("form", { name: "Fund or defund a pool" });
  await form.getByLabel("Amount").fill("100000");
  await form.getByRole("button", { name: "Fund from operator" }).click();
  await expect(form.getByTestId("pool-move-notice")).toHaveText("100000 USDT moved into the pool.");
  const funded = before + 100_000n * 10n ** 8n;
  await expect
    .poll(
      async () => {
        await page.reload();
        return poolBalance(page);
      },
      { timeout: 30_000, intervals: [1_000] },
    )
    .toBe(funded);
  await expect(pool.getByTestId("loan-pool-outstanding")).toBeVisible();
  await expect(pool.getByTestId("loan-pool-utilisation")).toBeVisible();
  await expect(pool.getByTestId("loan-pool-insurance")).toBeVisible();
  await expectAccessible(page, "loan pool");
  await snap(page, "lending-admin-pool");

  // More than the pool holds: refused beside the amount, the pool as it was.
  await form.getByLabel("Amount").fill(String(funded / 10n ** 8n + 1n));
  await form.getByRole("button", { name: "Return to operator" }).click();
  await expect(form.getByText(/holds less than that/)).toBeVisible();
  await page.reload();
  expect(await poolBalance(page)).toBe(funded);

  await page.setViewportSize(PHONE);
  await expectFitsPhone(page);
  await snap(page, "lending-admin-pool-phone");
});

test("a trader borrows USDT against BTC, sees the LTV, and repays part", async ({ page }) => {
  test.setTimeout(180_000);
  const trader = await trading.createTrader({ BTC: "2", USDT: "100" });
  await logInTrader(page, trader);
  await page.goto(`${WEB_URL}/loans`);
  await expect(page.getByRole("heading", { name: "Loans", level: 1 })).toBeVisible();
  await page.locator("select[name=product]").selectOption({ label: "USDT against BTC, 30 days" });
  await page.getByLabel("Collateral (BTC)").fill("1");
  await page.getByRole("button", { name: "Max" }).click();
  await page.getByLabel("Loan amount (USDT)").fill("12000");
  const quote = page.getByTestId("loan-quote");
  await expect(quote.getByTestId("quote-ltv")).toHaveText("40.00 %");
  await expect(quote).toContainText("Most you can borrow");
  await expect(quote).toContainText("24000 USDT");
  await snap(page, "loans-quote-desktop");
  await page.getByRole("button", { name: "Confirm loan" }).click();
  await expect(page.getByTestId("borrow-done")).toContainText("You borrowed 12000 USDT");

  const card = page.getByTestId("loan-card").first();
  await expect(card.getByTestId("loan-status")).toHaveText("Open", { timeout: 20_000 });
  await expect(card.getByTestId("loan-ltv")).toHaveText("40.00 %");
  await expect(card.getByTestId("loan-debt")).toHaveText("12000 USDT");
  await card.getByRole("button", { name: "Repay" }).click();
  await card.getByLabel("Amount to repay (USDT)").fill("2000");
  await card.getByRole("button", { name: "Confirm" }).click();
  await expect(card.getByTestId("loan-debt")).toHaveText("10000 USDT", { timeout: 20_000 });
  await card.getByRole("button", { name: "History" }).click();
  await expect(card.getByTestId("loan-history")).toContainText("Repayment");
  await snap(page, "loans-desktop");

  await page.setViewportSize(PHONE);
  await page.reload();
  await expect(page.getByTestId("loan-card").first()).toBeVisible();
  const overflow = await page.evaluate<number>(
    "document.documentElement.scrollWidth - document.documentElement.clientWidth",
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await snap(page, "loans-phone");
});

/** Two other traders trade `quantity` BTC at `price`: the market's last trade moves there. */
async function tradeAt(price: string) {
  const buyer = await trading.createTrader({ USDT: "1000" });
  const seller = await trading.createTrader({ BTC: "1" });
  await trading.placeLimitOrder(buyer, { symbol: "BTCUSDT", side: "buy", price, quantity: "0.01" });
  await trading.placeLimitOrder(seller, {
    symbol: "BTCUSDT",
    side: "sell",
    price,
    quantity: "0.01",
    ioc: true,
  });
}

const usdtAtoms = (text: string) => atomsOf(text.replace(/USDT.*/, ""));

test("[LOANS] the market falls: the borrower is warned, then the loan is liquidated through the book and the surplus returned", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const borrower = await trading.createTrader({ BTC: "1", USDT: "100" });
  await logInTrader(page, borrower);
  await page.goto(`${WEB_URL}/loans`);
  await page.locator("select[name=product]").selectOption({ label: "USDT against BTC, 30 days" });
  await page.getByLabel("Collateral (BTC)").fill("1");
  await page.getByLabel("Loan amount (USDT)").fill("18000");
  await expect(page.getByTestId("quote-ltv")).toHaveText("60.00 %");
  await page.getByRole("button", { name: "Confirm loan" }).click();
  await expect(page.getByTestId("borrow-done")).toContainText("You borrowed 18000 USDT");
  const card = page.getByTestId("loan-card").first();
  await expect(card.getByTestId("loan-status")).toHaveText("Open", { timeout: 20_000 });
  await expect(card.getByTestId("loan-ltv")).toHaveText(/^6\d\.\d\d %$/);
  await expect(card.getByTestId("loan-liquidation-price")).toContainText("USDT");

  try {
    // Down to 19 000: past the warning line (19 125), short of the liquidation line. The LTV
    // follows the index push on the open page, and the bell rings without a reload.
    await tradeAt("19000");
    await moveIndex("19000");
    await expect(card.getByTestId("loan-ltv")).toHaveText(/^94\.\d\d %$/, { timeout: 15_000 });
    await expect(card.getByTestId("loan-warning")).toBeVisible();
    const bell = page.getByTestId("notification-bell");
    await expect(page.getByTestId("notification-count")).toHaveText("1", { timeout: 20_000 });
    await bell.click();
    const panel = page.getByRole("dialog", { name: "Notifications" });
    await expect(panel.getByTestId("notification").first()).toContainText(
      "Loan at its warning line",
    );
    await snap(page, "loans-warning-desktop");
    await page.keyboard.press("Escape");

    // Bids wait in the book; the market falls through the liquidation line (18 450).
    await tradeAt("18400");
    const bidder = await trading.createTrader({ USDT: "30000" });
    await trading.placeLimitOrder(bidder, {
      symbol: "BTCUSDT",
      side: "buy",
      price: "18800",
      quantity: "1.2",
    });
    await moveIndex("18400");
    await expect(card.getByTestId("loan-status")).toHaveText("Liquidated", { timeout: 60_000 });
    await expect(page.getByTestId("notification-count")).toHaveText("2", { timeout: 20_000 });
    await bell.click();
    await expect(panel.getByTestId("notification").first()).toContainText("Loan liquidated");
    await page.keyboard.press("Escape");

    // The history: the liquidation, its sales at the bid's price, and what came back.
    await card.getByRole("button", { name: "History" }).click();
    const history = card.getByTestId("loan-history");
    await expect(history).toContainText("Liquidation started");
    await expect(history.getByTestId("loan-fills").first()).toContainText(
      /Sold [\d.]+ BTC at [\d.,]+ USDT/,
    );
    const settlement = history.getByTestId("loan-settlement");
    await expect(settlement).toContainText("Returned to your balance:");
    const surplus = usdtAtoms(
      (await settlement.textContent())?.replace(/.*balance: /, "").split(" USDT")[0] ?? "",
    );
    expect(surplus).toBeGreaterThan(0n);
    await expectAccessible(page, "loans after a liquidation");
    await snap(page, "loans-liquidated-desktop");
    await page.setViewportSize(PHONE);
    await expectFitsPhone(page);
    await snap(page, "loans-liquidated-phone");

    // The balance: what was there, the loan, and the surplus.
    await page.goto(`${WEB_URL}/wallet`);
    const usdt = page.locator('[data-testid="wallet-balance"][data-asset="USDT"]');
    await expect
      .poll(async () => atomsOf((await usdt.getByTestId("balance-available").textContent()) ?? ""))
      .toBe(atomsOf("18100") + surplus);
  } finally {
    await moveIndex(OPENING_INDEX);
  }
});

// Operations' loan book borrows from the USDT pool too: it runs last in this serial chain.
test("operations see the riskiest loan at the top of the loan book and open its page", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await operationsSeeTheRiskiestLoan(page, { trading, engine, db });
});
