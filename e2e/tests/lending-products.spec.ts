import { expect, test } from "@playwright/test";
import { ADMIN_URL } from "../fixtures";
import { expectAccessible } from "./support/accessibility";
import { expectFitsPhone, snap } from "./support/screens";
import { signInStaff } from "./support/sessions";

/**
 * [LENDING] Operations set up lending in the admin console (issue 19 parts 1, 2): a loan product
 * with the seed's lines (80 % / 85 % / 83 % / 82 %), each line shown beside the LTV and the price
 * it amounts to at 30 000 (94.12 %, 25 500 …); new terms as version 2; the product disabled.
 * Desktop and phone, English and Chinese. (The USDT pool's journey is in loans.spec, whose
 * borrowers are the only others moving that pool.)
 */

test.describe.configure({ mode: "serial" });

const PHONE = { width: 390, height: 844 };

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
