import { type Browser, expect, type Page, type TestInfo, test } from "@playwright/test";
import { ADMIN_URL, WEB_URL } from "../fixtures";
import { expectAccessible } from "./support/accessibility";
import { randomTestAddress, useOwnClientAddressPerTest } from "./support/client-address";
import { snap } from "./support/screens";
import { enrolOnPage, logInTrader, signInStaff } from "./support/sessions";
import { setUpTrading, type TestTrader, type TradingSetup } from "./support/trading-setup";

useOwnClientAddressPerTest(test);

const NEW_PASSWORD = "a-new-secret-pass-42";

let setup: TradingSetup;
test.beforeAll(async () => {
  setup = await setUpTrading();
});
test.afterAll(async () => {
  await setup?.close();
});

/** A second browser of the same trader: its own cookies, its own address. */
async function secondBrowser(browser: Browser, trader: TestTrader) {
  const context = await browser.newContext({
    extraHTTPHeaders: { "x-forwarded-for": randomTestAddress() },
  });
  const page = await context.newPage();
  await logInTrader(page, trader);
  return { context, page };
}

/** Keeps a picture of the page with the run's results (desktop size in the default project). */
async function picture(page: Page, testInfo: TestInfo, name: string) {
  if (testInfo.project.name === "chromium")
    await page.setViewportSize({ width: 1440, height: 900 });
  await snap(page, `security-${name}.${testInfo.project.name}`);
}

test("[SECURITY] @phone a trader sees both sessions, changes the password, and the other browser is logged out", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(90_000);
  const trader = await setup.createTrader({});
  await logInTrader(page, trader);
  const other = await secondBrowser(browser, trader);

  await page.goto(`${WEB_URL}/account/security`);
  await expect(page.getByRole("heading", { name: "Security", level: 1 })).toBeVisible();
  const sessions = page.getByTestId("session-row");
  await expect(sessions).toHaveCount(2);
  await expect(sessions.filter({ hasText: "This device" })).toHaveCount(1);
  await expect(sessions.first()).toContainText(/Chrome|Chromium/);
  await expect(page.getByTestId("log-in-row").filter({ hasText: "Logged in" })).toHaveCount(2);
  await expectAccessible(page, "security page");

  // A wrong current password changes nothing and says so.
  const form = page.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password").fill("not-my-password-1");
  await form.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await form.getByLabel("Repeat the new password").fill(NEW_PASSWORD);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("That password is not right.")).toBeVisible();
  await expect(sessions).toHaveCount(2);

  await form.getByLabel("Current password").fill(trader.password);
  await form.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await form.getByLabel("Repeat the new password").fill(NEW_PASSWORD);
  const submit = form.getByRole("button", { name: "Change password" });
  expect((await submit.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(40);
  await submit.click();
  await expect(page.getByText("Password changed. 1 other session was logged out.")).toBeVisible();
  await expect(sessions).toHaveCount(1);
  await expect(page.getByText("This is your only session")).toBeVisible();
  await picture(page, testInfo, "security-en");

  // The other browser, still holding its cookie, is logged out on its next request.
  await other.page.reload();
  await expect(other.page.getByTestId("account-email")).toHaveCount(0);
  await other.page.goto(`${WEB_URL}/account/security`);
  await expect(other.page).toHaveURL(/\/login\?next=/);
  await other.context.close();

  // This one stays, and the new password is the one that works from now on.
  await page.reload();
  await expect(page.getByTestId("account-email")).toContainText(trader.email);
});

test("[SECURITY] a trader logs out another browser from the list, then everywhere else", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const trader = await setup.createTrader({});
  await logInTrader(page, trader);
  const second = await secondBrowser(browser, trader);
  const third = await secondBrowser(browser, trader);

  await page.goto(`${WEB_URL}/account/security`);
  const sessions = page.getByTestId("session-row");
  await expect(sessions).toHaveCount(3);
  await sessions
    .filter({ hasNotText: "This device" })
    .first()
    .getByRole("button", { name: /^Log out the session of/ })
    .click();
  await expect(page.getByText("That session was logged out.")).toBeVisible();
  await expect(sessions).toHaveCount(2);

  await page.getByRole("button", { name: "Log out everywhere else" }).click();
  await expect(page.getByText("1 other session was logged out.")).toBeVisible();
  await expect(sessions).toHaveCount(1);
  for (const gone of [second, third]) {
    await gone.page.reload();
    await expect(gone.page.getByTestId("account-email")).toHaveCount(0);
    await gone.context.close();
  }
});

test("[SECURITY] a trader with two-factor replaces the recovery codes, and the old ones stop working", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const trader = await setup.createTrader({});
  await logInTrader(page, trader);
  await page.goto(`${WEB_URL}/account/security`);
  await page.getByRole("button", { name: "Set up two-factor" }).click();
  await enrolOnPage(page, "Turn on two-factor");
  const codes = page.getByTestId("recovery-codes").getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const oldCodes = (await codes.allTextContents()).map((code) => code.trim());
  await page.getByRole("button", { name: "I have saved my recovery codes" }).click();
  await expect(page.getByTestId("two-factor-status")).toHaveText("On");

  // A recovery code stands in for the app's code (whose next one is seconds away).
  const regenerate = page.getByRole("form", { name: "New recovery codes" });
  await regenerate.getByLabel("Password").fill(trader.password);
  await regenerate.getByLabel("Code from your app, or a recovery code").fill(oldCodes[0] ?? "");
  await regenerate.getByRole("button", { name: "Generate new codes" }).click();
  await expect(codes).toHaveCount(10);
  const newCodes = (await codes.allTextContents()).map((code) => code.trim());
  expect(newCodes.filter((code) => oldCodes.includes(code))).toEqual([]);
  await page.getByRole("button", { name: "I have saved my recovery codes" }).click();
  await expect(page.getByTestId("recovery-codes-left")).toHaveText("10 of 10");

  // An old code no longer proves anything: two-factor stays on.
  const turnOff = page.getByRole("form", { name: "Turn off two-factor" });
  await turnOff.getByLabel("Password").fill(trader.password);
  await turnOff.getByLabel("Code from your app, or a recovery code").fill(oldCodes[1] ?? "");
  await turnOff.getByRole("button", { name: "Turn off two-factor" }).click();
  await expect(turnOff.getByText(/That code is not right/)).toBeVisible();
  await expect(page.getByTestId("two-factor-status")).toHaveText("On");
});

test("[SECURITY] compliance reads a trader's log-ins and failed log-ins in the audit log, with address and device", async ({
  page,
  browser,
}, _testInfo) => {
  test.setTimeout(90_000);
  const trader = await setup.createTrader({});
  const address = randomTestAddress();
  const traderContext = await browser.newContext({
    extraHTTPHeaders: { "x-forwarded-for": address },
  });
  const traderPage = await traderContext.newPage();
  await traderPage.goto(`${WEB_URL}/login`);
  await traderPage.getByLabel("Email").fill(trader.email);
  await traderPage.getByLabel("Password", { exact: true }).fill("not-my-password-1");
  await traderPage.getByRole("button", { name: "Log in" }).click();
  await expect(traderPage.getByText("Incorrect email or password.")).toBeVisible();
  await logInTrader(traderPage, trader);
  await traderContext.close();

  await signInStaff(page, "COMPLIANCE");
  // Everything that happened to the account, whoever did it (a failed attempt is nobody's own).
  await page.goto(`${ADMIN_URL}/audit?targetType=user&targetId=${trader.id}`);
  const rows = page.getByTestId("audit-row");
  const failed = rows.filter({ hasText: "user.login_failed" });
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText("Log-in failed");
  await expect(failed).toContainText(address);
  await expect(failed).toContainText(/Chrome on (Linux|Windows|macOS)/);
  await expect(rows.filter({ hasText: "user.logged_in" }).first()).toContainText(address);
  await snap(page, "security-audit-en");
});

test.describe("in Chinese", () => {
  test.use({ locale: "zh-CN" });

  test("[SECURITY] @phone the security page speaks Chinese", async ({ page }, testInfo) => {
    const trader = await setup.createTrader({});
    // The log-in form by its fields' names, whatever language it is shown in.
    await page.goto(`${WEB_URL}/login`);
    await page.locator('input[name="email"]').fill(trader.email);
    await page.locator('input[name="password"]').fill(trader.password);
    await page.locator('form button[type="submit"]').first().click();
    await expect(page.getByTestId("account-email")).toContainText(trader.email);

    await page.goto(`${WEB_URL}/account/security`);
    await expect(page.getByRole("heading", { name: "安全中心", level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "登录设备" })).toBeVisible();
    await expect(page.getByTestId("session-row").filter({ hasText: "当前设备" })).toHaveCount(1);
    await expectAccessible(page, "security page in Chinese");
    await picture(page, testInfo, "security-zh");
  });
});
