import { expect, test } from "@playwright/test";
import { ADMIN_URL } from "../fixtures";
import { logInToAdmin, sectionNav } from "./support/sessions";
import { setUpTrading } from "./support/trading-setup";

test("finance sees the books reconcile, asset by asset", async ({ page }) => {
  // Money in the books: a deposit posts to the trader and to deposit clearing.
  const trading = await setUpTrading();
  await trading.createTrader({ BTC: "1.5", USDT: "2500" });
  await trading.close();

  await logInToAdmin(page, "FINANCE");
  await sectionNav(page).getByRole("link", { name: "Reconciliation" }).click();
  await expect(page.getByRole("heading", { name: "Reconciliation", level: 1 })).toBeVisible();

  // The worker reconciles every few seconds here; reload until a report covers the deposits.
  const latest = page.getByRole("region", { name: "Latest report" });
  await expect(async () => {
    await page.reload();
    for (const asset of ["BTC", "USDT"]) {
      await expect(latest.getByTestId("asset-total").filter({ hasText: asset })).toHaveText(
        `${asset} postings sum0`,
        { timeout: 1_000 },
      );
    }
  }).toPass({ timeout: 30_000 });
  await expect(latest.getByTestId("reconciliation-result")).toHaveText("Balanced");
  await expect(page.getByTestId("reconciliation-row").first()).toContainText("Balanced");
});

test("operations staff are refused the reconciliation reports", async ({ page }) => {
  await logInToAdmin(page, "OPERATIONS");
  await expect(sectionNav(page).getByRole("link", { name: "Reconciliation" })).toHaveCount(0);
  const response = await page.goto(`${ADMIN_URL}/reconciliation`);
  expect(response?.status()).toBe(403);
});
