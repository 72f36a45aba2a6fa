import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { ADMIN_URL } from "../fixtures";
import { sectionNav, signInStaff } from "./support/sessions";

/** A full-page picture for people to look at (test-results/screens), not an assertion. */
async function snap(page: Page, name: string) {
  await page.screenshot({ path: join("test-results", "screens", `${name}.png`), fullPage: true });
}

/**
 * The run's hot wallet starts empty (a fresh wallet per run, scripts/e2e.ts), so it is below the
 * seeded lines of ETH and USDT; the worker's hot-wallet check (every few seconds here) has opened
 * the alerts by the time finance looks, or soon after.
 */
test("[TREASURY] finance sees the hot wallet below its lines, with a banner across the console", async ({
  page,
}) => {
  await signInStaff(page, "FINANCE");
  const banner = page.getByTestId("wallet-alert-banner");
  await expect(async () => {
    await page.reload();
    await expect(banner).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(banner).toContainText("Hot wallet low");
  await expect(banner).toContainText("withdrawals wait");

  await banner.getByRole("link", { name: "Open Hot wallet" }).click();
  await expect(page.getByRole("heading", { name: "Hot wallet", level: 1 })).toBeVisible();
  await expect(page.getByTestId("hot-wallet-address")).toHaveText(/^0x[0-9a-fA-F]{40}$/);
  for (const asset of ["ETH", "USDT"]) {
    const card = page.getByTestId("hot-wallet-balance").and(page.locator(`[data-asset=${asset}]`));
    await expect(card.getByTestId("hot-wallet-state")).toHaveText("Below low: withdrawals wait");
    await expect(card).toContainText("Low line");
  }
  const open = page.locator('[data-testid="wallet-alert-row"][data-open="true"]');
  const cell = (name: string) => page.getByRole("cell", { name, exact: true });
  for (const [asset, kind] of [
    ["ETH", "Below low line"],
    ["ETH", "Below warning line"],
    ["USDT", "Below low line"],
    ["USDT", "Below warning line"],
  ] as const) {
    await expect(open.filter({ has: cell(asset) }).filter({ has: cell(kind) })).toHaveCount(1);
  }
  await expect(page.getByText("No sweeps yet")).toBeVisible();
  await expect(sectionNav(page).getByRole("link", { name: "Hot wallet" })).toBeVisible();

  await page.setViewportSize({ width: 1440, height: 900 });
  await snap(page, "treasury-desktop");
  await page.setViewportSize({ width: 390, height: 844 });
  await snap(page, "treasury-phone");
  await page.goto(`${ADMIN_URL}/`);
  await expect(banner).toBeVisible();
  await snap(page, "treasury-banner-dashboard-phone");
});

test("[TREASURY] compliance is refused the hot wallet and sees no banner", async ({ page }) => {
  await signInStaff(page, "COMPLIANCE");
  await expect(sectionNav(page).getByRole("link", { name: "Hot wallet" })).toHaveCount(0);
  await expect(page.getByTestId("wallet-alert-banner")).toHaveCount(0);

  const response = await page.goto(`${ADMIN_URL}/treasury`);
  expect(response?.status()).toBe(403);
  await expect(
    page.getByRole("heading", { name: "You don't have access to Hot wallet" }),
  ).toBeVisible();
  await expect(page.getByTestId("hot-wallet-balance")).toHaveCount(0);

  const api = await page.request.get(`${ADMIN_URL}/api/trpc/finance.treasury.overview`);
  expect(api.status()).toBe(403);
});

test("[TREASURY] finance sees the chain against users' balances in the reconciliation report", async ({
  page,
}) => {
  await signInStaff(page, "FINANCE");
  await page.goto(`${ADMIN_URL}/reconciliation`);
  // The worker reconciles every few seconds here, the chain included.
  const chain = page.getByRole("region", { name: "Chain holdings" });
  await expect(async () => {
    await page.reload();
    await expect(chain).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  for (const asset of ["ETH", "USDT"]) {
    const row = chain.locator(`[data-testid="chain-holding"][data-asset="${asset}"]`);
    await expect(row.getByTestId("chain-difference")).toHaveText(/^-?[\d,.]+ (surplus|shortfall)$/);
  }
  await expect(page.getByTestId("reconciliation-chain").first()).toHaveText(
    /^Chain (covers users|shortfall)$/,
  );
  await page.setViewportSize({ width: 1440, height: 900 });
  await snap(page, "reconciliation-chain-desktop");
  await page.setViewportSize({ width: 390, height: 844 });
  await snap(page, "reconciliation-chain-phone");
});
