import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { ADMIN_URL } from "../fixtures";
import { expectAccessible } from "./support/accessibility";
import { signInStaff } from "./support/sessions";

/**
 * [LENDING] Operations set up lending in the admin console (issue 19 parts 1, 2): a loan product
 * with the seed's lines (80 % / 85 % / 83 % / 82 %), each line shown beside the LTV and the price
 * it amounts to at 30 000 (94.12 %, 25 500 …); new terms as version 2; the product disabled.
 * Then the USDT loan pool is funded from the operator account and its figures move; defunding
 * more than it holds is refused and moves nothing. Desktop and phone, English and Chinese.
 */

test.describe.configure({ mode: "serial" });

const PHONE = { width: 390, height: 844 };

async function snap(page: Page, name: string) {
  await page.screenshot({ path: join("test-results", "screens", `${name}.png`), fullPage: true });
}

/** "100,000.5" → 100000.5 as atoms of 8 decimals, so sums stay exact. */
function atomsOf(text: string): bigint {
  const [whole = "0", fraction = ""] = text.replace(/[^\d.]/g, "").split(".");
  return BigInt(whole) * 10n ** 8n + BigInt(fraction.padEnd(8, "0").slice(0, 8) || "0");
}

async function poolBalance(page: Page): Promise<bigint> {
  const pool = page.locator('[data-testid="loan-pool"][data-asset="USDT"]');
  return atomsOf((await pool.getByTestId("loan-pool-balance").textContent()) ?? "");
}

/** No element wider than the phone's screen: nothing cut off or scrolling the page sideways. */
async function expectFitsPhone(page: Page) {
  const overflow = await page.evaluate<number>(
    "document.documentElement.scrollWidth - document.documentElement.clientWidth",
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test("operations create a loan product with the seed's lines, revise it and disable it", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const name = `USDT against BTC ${Date.now().toString(36)}`;
  await signInStaff(page, "OPERATIONS");
  await page.goto(`${ADMIN_URL}/products/loans`);
  await expect(page.getByRole("heading", { name: "Loan products", level: 1 })).toBeVisible();
  // The seed's demo products are listed.
  await expect(
    page.getByTestId("loan-product-row").filter({ hasText: "USDT against ETH, open-ended" }),
  ).toBeVisible();

  const form = page.getByRole("form", { name: "New loan product" });
  if (!(await form.isVisible())) await page.getByText("New loan product").click();
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Collateral asset").fill("BTC");
  await form.getByLabel("Asset lent").fill("USDT");
  await form.getByLabel("Initial LTV (%)").fill("80");
  await form.getByLabel("Warning line (% of opening price)").fill("85");
  await form.getByLabel("Liquidation line, stated (%)").fill("83");
  // A looser acting line than the initial LTV allows is refused beside its field first.
  await form.getByLabel("Liquidation line, acting (%)").fill("79");
  await form.getByLabel("Liquidation fee (% of debt)").fill("2");
  await form.locator("select[name=interestPeriod]").selectOption("HOUR");
  await form.getByLabel("Rate per period (%)").fill("0.002");
  await form.locator("select[name=termDays]").selectOption("7");
  await form.getByLabel("Minimum loan").fill("100");
  await form.getByLabel("Maximum loan").fill("250000");
  await form.getByRole("button", { name: "Create product" }).click();
  await expect(form.getByText(/must be above the initial LTV/)).toBeVisible();
  await form.getByLabel("Liquidation line, acting (%)").fill("82");
  await form.getByRole("button", { name: "Create product" }).click();
  await expect(page.getByTestId("loan-product-name")).toHaveText(name);

  // Each line beside its LTV and its price for a loan opened at 30 000.
  const url = new URL(page.url());
  await page.goto(`${url.origin}${url.pathname}?ref=30000`);
  const line = (which: string) => page.locator(`[data-testid="loan-line"][data-line="${which}"]`);
  await expect(line("warning").getByTestId("line-ltv")).toHaveText("94.12 %");
  await expect(line("warning").getByTestId("line-price")).toHaveText("25,500 USDT");
  await expect(line("liquidation").getByTestId("line-price")).toHaveText("24,900 USDT");
  await expect(line("effectiveLiquidation").getByTestId("line-price")).toHaveText("24,600 USDT");
  await expectAccessible(page, "loan product");
  await snap(page, "lending-admin-product");
  await page.setViewportSize(PHONE);
  await expectFitsPhone(page);
  await snap(page, "lending-admin-product-phone");
  await page.setViewportSize({ width: 1280, height: 800 });

  // New terms are a new version; the first stays in the history.
  await page.getByRole("button", { name: "Edit terms" }).click();
  const edit = page.getByRole("form", { name: "New terms" });
  await edit.locator("select[name=termDays]").selectOption("OPEN");
  await edit.getByRole("button", { name: "Save as version 2" }).click();
  await expect(page.getByTestId("loan-version-row")).toHaveCount(2);
  await expect(page.locator('[data-testid="loan-version-row"][data-version="2"]')).toContainText(
    "Open-ended",
  );

  await page.getByRole("button", { name: "Disable" }).click();
  await expect(page.getByTestId("loan-product-status")).toHaveText("Disabled");
  await page.getByRole("button", { name: "Enable" }).click();
  await expect(page.getByTestId("loan-product-status")).toHaveText("Enabled");
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

test("the lending pages read in Chinese, on a phone too", async ({ browser }) => {
  test.setTimeout(90_000);
  // Log-in in English (its helper reads English labels), then the console in Chinese.
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInStaff(page, "OPERATIONS");
  await context.addCookies([{ name: "locale", value: "zh-CN", url: ADMIN_URL }]);
  await page.goto(`${ADMIN_URL}/products/loans`);
  await expect(page.getByRole("heading", { name: "借贷产品", level: 1 })).toBeVisible();
  await snap(page, "lending-admin-products-zh");
  await page.setViewportSize(PHONE);
  await expectFitsPhone(page);
  await snap(page, "lending-admin-products-zh-phone");
  await page.goto(`${ADMIN_URL}/products/loan-pool`);
  await expect(page.getByRole("heading", { name: "借贷资金池", level: 1 })).toBeVisible();
  await expectFitsPhone(page);
  await snap(page, "lending-admin-pool-zh-phone");
  await context.close();
});
