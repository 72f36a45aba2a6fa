import { expect, type Page, test } from "@playwright/test";
import { ADMIN_URL, WEB_URL } from "../fixtures";
import { useOwnClientAddressPerTest } from "./support/client-address";
import { snap } from "./support/screens";
import { logInTrader, signInStaff } from "./support/sessions";
import { setUpTrading, type TradingSetup } from "./support/trading-setup";

/**
 * [SAVINGS] A fixed-term savings product end to end: operations creates it in the admin console
 * and today's offer appears; a trader subscribes on the Earn page and the principal leaves the
 * balance; operations runs the payouts for a later date and the trader sees the interest; the
 * trader redeems early and has the principal back (less the interest already paid, which this
 * product forfeits).
 */

useOwnClientAddressPerTest(test);
test.describe.configure({ mode: "serial" });

let trading: TradingSetup;

test.beforeAll(async () => {
  trading = await setUpTrading();
});

test.afterAll(async () => {
  await trading?.close();
});

/** A UTC day `days` from today, as "YYYY-MM-DD". */
function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Waits until the Wallet page's USDT row shows `text` (e.g. "4,000" available). */
async function expectAvailable(page: Page, text: string) {
  await expect
    .poll(
      async () => {
        await page.goto(`${WEB_URL}/wallet`);
        return page.locator('[data-testid="wallet-balance"][data-asset="USDT"]').textContent();
      },
      { timeout: 30_000, intervals: [1_000] },
    )
    .toContain(text);
}

test("operations offers a product, a trader subscribes, is paid interest and redeems early", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const name = `Fixed ${Date.now().toString(36)}`;
  const staffContext = await browser.newContext();
  const admin = await staffContext.newPage();
  await signInStaff(admin, "OPERATIONS");

  // Operations creates the product: 36.5 % a year on 1 000 USDT is exactly 1 USDT a day.
  await admin.goto(`${ADMIN_URL}/products`);
  const form = admin.getByRole("form", { name: "New product" });
  // The form starts open while there are no products, folded once there are.
  if (!(await form.isVisible())) await admin.getByText("New product").click();
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Asset").fill("USDT");
  await form.getByLabel("Annual rate (%)").fill("36.5");
  await form.getByLabel("Term (days)").fill("30");
  await form.locator("select[name=payoutPeriod]").selectOption("DAILY");
  await form.getByLabel("Daily quota").fill("100000");
  await form.getByLabel("KYC level required").fill("1");
  await form.getByLabel("Minimum per subscription").fill("10");
  await form.getByLabel("Maximum per subscription").fill("10000");
  await form.locator("select[name=earlyRedemption]").selectOption("FORFEIT_INTEREST");
  await form.getByRole("button", { name: "Create product" }).click();
  await expect(admin.getByTestId("product-name")).toHaveText(name);
  // Today's instance is there, with nothing of its quota taken yet.
  await expect(
    admin.locator(`[data-testid="instance-row"][data-day="${dayFromToday(0)}"]`),
  ).toBeVisible();
  await snap(admin, "savings-admin-product");

  // A trader with 5 000 USDT subscribes 1 000 on the Earn page.
  const trader = await trading.createTrader({ USDT: "5000" });
  const traderContext = await browser.newContext();
  const web = await traderContext.newPage();
  await logInTrader(web, trader);
  await web.goto(`${WEB_URL}/earn`);
  const offer = web.getByTestId("savings-offer").filter({ hasText: name });
  await expect(offer).toBeVisible();
  await offer.getByRole("button", { name: "Subscribe" }).click();
  const panel = web.getByTestId("subscribe-panel");
  await panel.getByLabel("Amount (USDT)").fill("1000");
  // The schedule before confirming: 30 daily payments of 1 USDT.
  await expect(panel.getByTestId("preview-interest")).toContainText("30");
  await snap(web, "savings-web-subscribe");
  await panel.getByRole("button", { name: "Confirm subscription" }).click();
  await expect(panel.getByTestId("subscribe-done")).toBeVisible();
  const mine = web.getByTestId("my-subscription").filter({ hasText: name });
  await expect(mine).toBeVisible();
  await expect(mine.getByTestId("subscription-principal")).toContainText("1,000");
  await expectAvailable(web, "4,000");

  // Operations pays every plan due by three days from now: interest runs from tomorrow (the value
  // date), and a daily plan is due the day after its day, so two are due by then.
  await admin.goto(`${ADMIN_URL}/products/payouts`);
  const run = admin.getByRole("form", { name: "Run payouts for a date" });
  await run.getByLabel("Pay plans due by").fill(dayFromToday(3));
  await run.getByRole("button", { name: "Run payouts for a date" }).click();
  await run.getByRole("button", { name: "Yes, run payouts" }).click();
  const row = admin
    .getByTestId("payout-run-row")
    .filter({ hasText: dayFromToday(3) })
    .first();
  await expect(row).toBeVisible({ timeout: 30_000 });
  await expect(row.getByTestId("run-total").filter({ hasText: "USDT" })).toBeVisible({
    timeout: 30_000,
  });
  await snap(admin, "savings-admin-payouts");

  // The trader sees the two payments of 1 USDT.
  await web.goto(`${WEB_URL}/earn`);
  await web
    .getByRole("link", { name: `Details of ${name}` })
    .first()
    .click();
  await expect(web.getByTestId("detail-interest-paid")).toContainText("2", { timeout: 30_000 });
  await expectAvailable(web, "4,002");

  // Early redemption: the principal back less the 2 USDT already paid.
  await web.goto(`${WEB_URL}/earn`);
  await web
    .getByRole("link", { name: `Details of ${name}` })
    .first()
    .click();
  await web.getByRole("button", { name: "Redeem early" }).click();
  await expect(web.getByTestId("quote-returned")).toContainText("998");
  await snap(web, "savings-web-redeem");
  await web.getByRole("button", { name: "Confirm redemption" }).click();
  await expect(web.getByTestId("detail-redeemed")).toContainText("998");
  await expectAvailable(web, "5,000");

  await staffContext.close();
  await traderContext.close();
});
