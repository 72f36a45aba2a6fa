import { expect, test } from "@playwright/test";
import pg from "pg";
import { ADMIN_URL } from "../fixtures";
import { snap } from "./support/screens";
import { sectionNav, signInStaff } from "./support/sessions";

/**
 * The run's hot wallet starts with opening funds (scripts/e2e.ts), above the seeded lines. The
 * test raises ETH's warning line above that balance, as an operator tuning the lines would: the
 * worker's hot-wallet check (every few seconds here) opens the warning, finance sees it across
 * the console, and resolving it needs the line back. The low line is left alone, so the
 * withdrawal journeys running beside this one never wait.
 */
test("[TREASURY] finance sees the hot wallet against its lines, with a banner across the console", async ({
  page,
}) => {
  await setEthWarningLine(HIGH_LINE);
  try {
    await signInStaff(page, "FINANCE");
    const banner = page.getByTestId("wallet-alert-banner");
    await expect(async () => {
      await page.reload();
      await expect(banner).toContainText("Hot wallet below its warning line: ETH", {
        timeout: 1_000,
      });
    }).toPass({ timeout: 30_000 });

    await banner.getByRole("link", { name: "Open Hot wallet" }).click();
    await expect(page.getByRole("heading", { name: "Hot wallet", level: 1 })).toBeVisible();
    await expect(page.getByTestId("hot-wallet-address")).toHaveText(/^0x[0-9a-fA-F]{40}$/);
    const card = (asset: string) =>
      page.getByTestId("hot-wallet-balance").and(page.locator(`[data-asset=${asset}]`));
    await expect(card("ETH").getByTestId("hot-wallet-state")).toHaveText("Below warning");
    await expect(card("ETH")).toContainText("Low line");
    await expect(card("USDT").getByTestId("hot-wallet-state")).toHaveText("OK");
    const open = page.locator('[data-testid="wallet-alert-row"][data-open="true"]');
    const cell = (name: string) => page.getByRole("cell", { name, exact: true });
    await expect(
      open.filter({ has: cell("ETH") }).filter({ has: cell("Below warning line") }),
    ).toHaveCount(1);
    await expect(open.filter({ has: cell("Below low line") })).toHaveCount(0);
    await expect(sectionNav(page).getByRole("link", { name: "Hot wallet" })).toBeVisible();

    await page.setViewportSize({ width: 1440, height: 900 });
    await snap(page, "treasury-desktop");
    await page.setViewportSize({ width: 390, height: 844 });
    await snap(page, "treasury-phone");
    await page.goto(`${ADMIN_URL}/`);
    await expect(banner).toBeVisible();
    await snap(page, "treasury-banner-dashboard-phone");
  } finally {
    await setEthWarningLine(SEEDED_ETH_WARNING);
  }
  // Back above its line, the next check resolves the alert and the banner goes.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("wallet-alert-banner")).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
});

/** Far above the run's opening 100 ETH. */
const HIGH_LINE = "1000000";
/** packages/db/src/seed-data.ts */
const SEEDED_ETH_WARNING = "1";

async function setEthWarningLine(line: string): Promise<void> {
  const connectionString = process.env.E2E_DATABASE_URL;
  if (!connectionString) throw new Error("E2E_DATABASE_URL is not set: run npm run test:e2e");
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(
      "UPDATE chain_assets SET hot_wallet_warning = $1 WHERE chain_key = 'evm-local' AND asset_code = 'ETH'",
      [line],
    );
  } finally {
    await client.end();
  }
}

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
