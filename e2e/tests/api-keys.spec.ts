import { generateKeyPairSync } from "node:crypto";
import { expect, type Page, type TestInfo, test } from "@playwright/test";
import pg from "pg";
import { ADMIN_URL, WEB_URL } from "../fixtures";
import { expectAccessible } from "./support/accessibility";
import { useOwnClientAddressPerTest } from "./support/client-address";
import { snap } from "./support/screens";
import { enrolOnPage, logInTrader, signInStaff } from "./support/sessions";
import { nextTotpCode } from "./support/totp";
import { setUpTrading, type TestTrader, type TradingSetup } from "./support/trading-setup";

useOwnClientAddressPerTest(test);

let setup: TradingSetup;
test.beforeAll(async () => {
  setup = await setUpTrading();
});
test.afterAll(async () => {
  await setup?.close();
});

/** Keeps a picture of the page for people to look at. */
async function picture(page: Page, testInfo: TestInfo, name: string) {
  await snap(page, `api-keys-${name}.${testInfo.project.name}`);
}

/** Turns two-factor on from the Security page, as the trader would; returns the app's secret. */
async function turnOnTwoFactor(page: Page): Promise<string> {
  await page.goto(`${WEB_URL}/account/security`);
  await page.getByRole("button", { name: "Set up two-factor" }).click();
  const secret = await enrolOnPage(page, "Turn on two-factor");
  await page.getByRole("button", { name: "I have saved my recovery codes" }).click();
  await expect(page.getByTestId("two-factor-status")).toHaveText("On");
  return secret;
}

test("[API KEYS] @phone a trader with two-factor creates a key, sees the secret once, sees it listed, and revokes it", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const trader = await setup.createTrader({});
  await logInTrader(page, trader);

  // Without two-factor the page says what to do first.
  await page.goto(`${WEB_URL}/account/api-keys`);
  await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();
  await expect(page.getByTestId("api-keys-need-2fa")).toBeVisible();
  await expect(page.getByText("You have no API keys yet.")).toBeVisible();
  const secret = await turnOnTwoFactor(page);

  await page.goto(`${WEB_URL}/account/api-keys`);
  const form = page.getByRole("form", { name: "Create a key" });
  await form.getByLabel("Name", { exact: true }).fill("grid bot");
  await form.getByLabel("Trade", { exact: true }).check();
  await form.getByLabel("Allowed IP addresses").fill("203.0.113.0/24\n2001:db8::1");
  await form.getByLabel("Expires").selectOption({ label: "In 30 days" });
  await expectAccessible(page, "API keys form");
  // A wrong code creates nothing and says so by the field.
  await form.getByLabel("Two-factor code").fill("000000");
  await form.getByRole("button", { name: "Create key" }).click();
  await expect(form.getByText(/That code is not right/)).toBeVisible();

  await form.getByLabel("Two-factor code").fill(await nextTotpCode(secret));
  await form.getByRole("button", { name: "Create key" }).click();
  const created = page.getByTestId("api-key-created");
  await expect(created).toContainText("It is shown only this once");
  const shownSecret = (await page.getByTestId("created-secret").textContent()) ?? "";
  const shownKey = (await page.getByTestId("created-api-key").textContent()) ?? "";
  expect(shownSecret).toMatch(/^[A-Za-z0-9_-]{64}$/);
  expect(shownKey).toMatch(/^[A-Za-z0-9_-]{64}$/);
  await expectAccessible(page, "API key created");
  await picture(page, testInfo, "api-key-created");

  const rows = page.getByTestId("api-key-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("grid bot");
  await expect(rows.first()).toContainText("Read, Trade");
  await expect(rows.first()).toContainText("203.0.113.0/24, 2001:db8::1");
  await expect(rows.first()).toContainText(shownKey.slice(0, 12));

  // Once dismissed (or after a reload) the secret is nowhere on the page.
  await page.getByRole("button", { name: "I have saved it" }).click();
  await expect(created).toHaveCount(0);
  await page.reload();
  await expect(rows).toHaveCount(1);
  expect(await page.content()).not.toContain(shownSecret);

  // On a phone the page keeps its width; the table scrolls inside its own frame.
  expect(
    await page.evaluate(
      "document.documentElement.scrollWidth - document.documentElement.clientWidth",
    ),
  ).toBeLessThanOrEqual(0);
  // Revoking asks once more; the key stays listed as revoked.
  await page.getByRole("button", { name: "Revoke the key grid bot" }).click();
  await page.getByRole("button", { name: "Yes, revoke it" }).click();
  await expect(page.getByText('Key "grid bot" revoked')).toBeVisible();
  await expect(rows.first().getByTestId("api-key-revoked")).toHaveText("Revoked");
  await expectAccessible(page, "API keys list");
  await picture(page, testInfo, "api-keys-revoked");
});

/** A trader's Ed25519 key put straight in the run's database (its creation is the test above). */
async function insertEd25519Key(trader: TestTrader, label: string): Promise<string> {
  const { publicKey } = generateKeyPairSync("ed25519");
  const raw = publicKey.export({ format: "der", type: "spki" }).subarray(12).toString("base64");
  const apiKey = `e2e${crypto.randomUUID().replaceAll("-", "")}`.padEnd(64, "x");
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO api_keys (user_id, label, kind, api_key, public_key, permissions, ip_allow_list)
       VALUES ($1, $2, 'ED25519', $3, $4, ARRAY['READ','TRADE']::"ApiKeyPermission"[], '{}')`,
      [trader.id, label, apiKey, raw],
    );
  } finally {
    await client.end();
  }
  return apiKey;
}

test("[API KEYS] compliance sees a trader's keys on the profile and revokes one with a reason", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const trader = await setup.createTrader({});
  const apiKey = await insertEd25519Key(trader, "leaked bot");

  await signInStaff(page, "COMPLIANCE");
  await page.goto(`${ADMIN_URL}/users/${trader.id}`);
  const row = page.getByTestId("profile-api-key-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("leaked bot");
  await expect(row).toContainText(apiKey);
  await expect(row).toContainText("READ, TRADE");
  await expectAccessible(page, "user profile with API keys");

  const revoke = page.getByRole("form", { name: "Revoke the key leaked bot" });
  await revoke.getByLabel("Reason for revoking").fill("Key posted in a public repository.");
  await revoke.getByRole("button", { name: "Revoke key" }).click();
  await expect(row.getByTestId("profile-api-key-revoked")).toContainText("Revoked by staff");

  // The trader sees who revoked it; the audit log has the reason.
  await page.goto(`${ADMIN_URL}/audit?targetType=api_key`);
  const entry = page.getByTestId("audit-row").filter({ hasText: "staff.api_key_revoked" });
  await expect(entry.first()).toContainText("API key revoked by staff");
});
