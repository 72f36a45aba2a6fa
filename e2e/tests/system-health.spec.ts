import { expect, type Page, test } from "@playwright/test";
import pg from "pg";
import { WEB_URL } from "../fixtures";
import { snap } from "./support/screens";
import { logInToAdmin } from "./support/sessions";
import { setUpTrading } from "./support/trading-setup";

/**
 * A read model that refuses one event (a Postgres trigger, as a numeric overflow would): the
 * footer every trader sees must say what is stuck and where instead of "All systems
 * operational", staff must see the error on the dashboard, and both must clear once the cause
 * is gone. It stalls the projector for everyone, so it runs alone, after every other journey
 * (its own project in playwright.config.ts; `npm run test:e2e -- --no-deps
 * e2e/tests/system-health.spec.ts` runs it without them).
 */
const POISON_ATOMS = 7_654_321; // 0.07654321 USDT: no other journey deposits it.

async function sql(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function expectAfterReloads(page: Page, check: () => Promise<void>) {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout: 45_000 });
}

test.afterAll(() => sql("DROP TRIGGER IF EXISTS refuse_e2e_poison ON ledger_postings"));

test("[HEALTH] the footer and the dashboard say which consumer is stuck, and clear once it resumes", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await sql(`
    CREATE OR REPLACE FUNCTION refuse_e2e_poison() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF abs(NEW.amount_atoms) = ${POISON_ATOMS} THEN
        RAISE EXCEPTION 'posting refused by the e2e trigger';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER refuse_e2e_poison BEFORE INSERT ON ledger_postings
      FOR EACH ROW EXECUTE FUNCTION refuse_e2e_poison();`);
  const trading = await setUpTrading();
  // The deposit the trigger refuses: it is never projected, which is the point.
  await trading.createTrader({ USDT: "0.07654321" }, { untilProjected: false });
  await trading.close();

  const status = page.getByTestId("system-status");
  await page.goto(WEB_URL);
  await expectAfterReloads(page, () =>
    expect(status).toHaveText(
      /^Degraded: order and balance history stuck at sequence \d+ since \d\d:\d\d:\d\d UTC$/,
      { timeout: 1_000 },
    ),
  );
  await snap(page, "system-health-degraded");
  // Anonymous visitors learn what is stuck, never the internal error.
  await expect(page.getByText("refused by the e2e trigger")).toHaveCount(0);

  const admin = await browser.newPage();
  await logInToAdmin(admin, "ADMIN");
  const panel = admin.getByTestId("system-health-panel");
  await expect(panel).toContainText("Order and balance history");
  await expect(panel).toContainText(/Stuck on seq \d+ since .*posting refused by the e2e trigger/);
  await snap(admin, "system-health-dashboard");

  await sql("DROP TRIGGER refuse_e2e_poison ON ledger_postings");
  await expectAfterReloads(page, () =>
    expect(status).toHaveText("All systems operational", { timeout: 1_000 }),
  );
  await admin.reload();
  await expect(panel.getByRole("alert")).toHaveCount(0);
});
