import { type BrowserContext, expect, type Locator, type Page, test } from "@playwright/test";
import { createDb } from "../../packages/db/src/client";
import { ZCreateProductInput } from "../../packages/domains/src/savings/product-contracts";
import { createProduct } from "../../packages/domains/src/savings/products";
import { systemClock } from "../../packages/protocol/src/clock";
import { WEB_URL } from "../fixtures";
import { expectAccessible } from "./support/accessibility";
import { logInTrader } from "./support/sessions";
import { createStaff } from "./support/staff-db";
import { setUpTrading, type TestTrader, type TradingSetup } from "./support/trading-setup";

/**
 * [FUNDS] The wallet and Earn pages as a newcomer meets them: told how to fund an empty
 * account, in Chinese with every decimal of their amounts, accessible to axe, and usable on a
 * phone from the balance to the deposit address and to a subscription.
 */

let setup: TradingSetup;
let db: ReturnType<typeof createDb>;
/** An offer open today with amounts that have decimals to lose: 10.125 – 25,000.5 USDT. */
let offerName: string;

test.beforeAll(async () => {
  setup = await setUpTrading();
  db = createDb(process.env.E2E_DATABASE_URL ?? "");
  const staff = await createStaff(["OPERATIONS"]);
  offerName = `Funds ${Date.now().toString(36)}`;
  await createProduct(
    { db, clock: systemClock },
    { staffId: staff.id },
    ZCreateProductInput.parse({
      name: offerName,
      asset: "USDT",
      annualRatePercent: "7.3",
      termDays: 30,
      payoutPeriod: "DAILY",
      dailyQuota: "1000000",
      minAmount: "10.125",
      maxAmount: "25000.5",
      kycLevel: 0,
      earlyRedemption: "FORFEIT_INTEREST",
    }),
  );
});

test.afterAll(async () => {
  await setup?.close();
  await db?.$disconnect();
});

/** Logs in on the English form, then reads the site in `locale` (the switcher's cookie). */
async function logInReading(
  page: Page,
  context: BrowserContext,
  trader: TestTrader,
  locale: string,
) {
  await context.addCookies([{ name: "locale", value: "en", url: WEB_URL }]);
  await logInTrader(page, trader);
  await context.addCookies([{ name: "locale", value: locale, url: WEB_URL }]);
}

/** A finger can hit it: at least 40 px tall (and wide). */
async function expectTouchable(target: Locator) {
  const box = await target.boundingBox();
  expect(box, "the target is on screen").not.toBeNull();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(40);
  expect(box?.width ?? 0).toBeGreaterThanOrEqual(40);
}

/** Nothing sticks out sideways: the page scrolls only down. */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate<number>(
    "document.documentElement.scrollWidth - document.documentElement.clientWidth",
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test("[FUNDS] a new trader with no funds is shown how to fund the account", async ({ page }) => {
  const trader = await setup.createTrader({});
  await logInTrader(page, trader);
  await page.goto(`${WEB_URL}/wallet`);
  await expect(page.getByRole("heading", { name: "Wallet", level: 1 })).toBeVisible();
  const hint = page.getByTestId("funding-hint");
  await expect(hint).toContainText("Your wallet is empty");
  await expect(page.getByTestId("no-deposits")).toContainText(
    "No deposits yet — deposit USDT to start trading.",
  );
  await expect(page.getByTestId("no-withdrawals")).toBeVisible();
  await expectAccessible(page, "/wallet with no funds");

  await hint.getByRole("link", { name: "Deposit USDT" }).click();
  await expect(page).toHaveURL(/\/wallet\/deposit\?asset=USDT$/);
  await expect(page.getByTestId("deposit-address")).toHaveText(/^0x[0-9a-fA-F]{40}$/);
  await expect(page.getByRole("button", { name: "USDT" })).toHaveAttribute("aria-pressed", "true");
  await expectAccessible(page, "/wallet/deposit");

  // Nothing to send yet: the withdraw form says so and points back to a deposit.
  await page.goto(`${WEB_URL}/wallet/withdraw?asset=USDT`);
  await expect(page.getByTestId("withdraw-fund-hint")).toContainText("no USDT to withdraw");
  await page.getByLabel("Address", { exact: true }).fill("0x1234");
  await page.getByLabel("Amount (USDT)").fill("1000");
  await page.getByLabel("Password").fill(trader.password);
  await page.getByRole("button", { name: "Withdraw", exact: true }).click();
  await expect(page.getByText(/does not cover this amount plus the network fee/)).toBeVisible();
  await expectAccessible(page, "/wallet/withdraw");
});

test.describe("in Chinese", () => {
  test.use({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });

  test("[FUNDS] the wallet and Earn read in Chinese, amounts with all their decimals", async ({
    page,
    context,
  }) => {
    const trader = await setup.createTrader({ USDT: "12345.6789", ETH: "0.00000123" });
    await logInReading(page, context, trader, "zh-CN");

    await page.goto(`${WEB_URL}/wallet`);
    await expect(page.getByRole("heading", { name: "钱包", level: 1 })).toBeVisible();
    const usdt = page.locator('[data-testid="wallet-balance"][data-asset="USDT"]');
    await expect(usdt.getByTestId("balance-available")).toHaveText("12,345.6789");
    const eth = page.locator('[data-testid="wallet-balance"][data-asset="ETH"]');
    await expect(eth.getByTestId("balance-total")).toHaveText("0.00000123");
    await expect(page.getByRole("columnheader", { name: "可用" })).toBeVisible();
    await expect(page.getByTestId("funding-hint")).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "提现记录" })).toBeVisible();

    await page.goto(`${WEB_URL}/wallet/withdraw?asset=USDT`);
    await expect(page.getByRole("heading", { name: "提现", level: 1 })).toBeVisible();
    await expect(page.getByText("可用：12,345.6789 USDT")).toBeVisible();

    await page.goto(`${WEB_URL}/earn`);
    await expect(page.getByRole("heading", { name: "理财", level: 1 })).toBeVisible();
    const offer = page.getByTestId("savings-offer").filter({ hasText: offerName });
    await expect(offer.getByTestId("offer-amount-range")).toHaveText("10.125 – 25,000.5 USDT");
    await expect(offer).toContainText("每日付息");
    await expect(offer.getByRole("button", { name: "申购" })).toBeVisible();
    await expectAccessible(page, "/earn in Chinese");
  });
});

test("[FUNDS] @phone from the balance to the deposit address, and a subscription on Earn", async ({
  page,
  context,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const trader = await setup.createTrader({ USDT: "500.5" });
  await logInTrader(page, trader);

  await page.goto(`${WEB_URL}/wallet`);
  const card = page.locator('[data-testid="wallet-balance-card"][data-asset="USDT"]');
  await expect(card.getByTestId("balance-card-total")).toHaveText("500.5");
  // Funded, so no call to a first deposit: the empty history just says deposits appear there.
  await expect(page.getByTestId("funding-hint")).toHaveCount(0);
  await expect(page.getByTestId("no-deposits")).toContainText("No deposits yet.");
  await expect(page.getByTestId("no-deposits")).not.toContainText("to start trading");
  await expectNoSidewaysScroll(page);
  const deposit = card.getByRole("link", { name: "Deposit" });
  await expectTouchable(deposit);
  await deposit.click();

  await expect(page.getByTestId("deposit-address")).toHaveText(/^0x[0-9a-fA-F]{40}$/);
  const copy = page.getByTestId("copy-address");
  await expect(copy).toBeInViewport();
  await expectTouchable(copy);
  await expectTouchable(page.getByTestId("deposit-asset").first());
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: WEB_URL });
  await copy.click();
  await expect(copy).toHaveText("Copied");
  await expectNoSidewaysScroll(page);

  await page.goto(`${WEB_URL}/earn`);
  const offer = page.getByTestId("savings-offer").filter({ hasText: offerName });
  const subscribe = offer.getByRole("button", { name: "Subscribe" });
  await expectTouchable(subscribe);
  await subscribe.click();
  const panel = page.getByTestId("subscribe-panel");
  await panel.getByLabel("Amount (USDT)").fill("100.125");
  await expect(panel.getByTestId("subscribe-preview")).toBeVisible();
  const confirm = panel.getByRole("button", { name: "Confirm subscription" });
  await expectTouchable(confirm);
  await confirm.click();
  await expect(panel.getByTestId("subscribe-done")).toContainText("100.125 USDT");
  await expectNoSidewaysScroll(page);

  const mine = page.getByTestId("my-subscription-card").filter({ hasText: offerName });
  await expect(mine).toContainText("100.125 USDT");
  await mine.getByRole("link").click();
  await expect(page.getByRole("heading", { name: offerName, level: 1 })).toBeVisible();
  await expect(page.getByTestId("detail-principal")).toHaveText("100.125 USDT");
  await expect(page.getByTestId("plan-card").first()).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectAccessible(page, "/earn/[id] on a phone");
});
