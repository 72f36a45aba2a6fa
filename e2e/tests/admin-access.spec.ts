import { expect, test } from "@playwright/test";
import { ADMIN_URL, SEED_TRADERS, WEB_URL } from "../fixtures";
import { logInAsStaff, logInTrader, sectionNav, seedStaff, signInStaff } from "./support/sessions";
import { createStaff, deactivateStaff, setStaffRoles } from "./support/staff-db";
import { nextTotpCode } from "./support/totp";
import { setUpTrading } from "./support/trading-setup";

// Most of these journeys log staff and traders in two or three times, each a deliberately slow
// password hash: on a busy two-core runner they take 20–30 s, too close to the default limit.
test.describe.configure({ timeout: 60_000 });

test("[ADMIN] staff log in and see their name, roles and every section their roles open", async ({
  page,
}) => {
  await signInStaff(page, "ADMIN");

  await expect(page.getByTestId("role-badge")).toHaveText(["Admin"]);
  for (const section of ["KYC", "Withdrawals", "Products", "Markets", "Audit"]) {
    await expect(sectionNav(page).getByRole("link", { name: section })).toBeVisible();
  }

  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("heading", { name: "Staff log-in" })).toBeVisible();
  await page.goto(`${ADMIN_URL}/`);
  await expect(page).toHaveURL(`${ADMIN_URL}/login`);
});

test("[ADMIN] a wrong staff password is refused with a generic error", async ({ page }) => {
  const finance = seedStaff("FINANCE");
  await page.goto(`${ADMIN_URL}/login`);
  await page.getByLabel("Work email").fill(finance.email);
  await page.getByLabel("Password").fill("not-the-password-1");
  await page.getByRole("button", { name: "Log in" }).click();

  await expect(page.getByTestId("form-error")).toHaveText("Incorrect email or password.");
  await expect(page).toHaveURL(`${ADMIN_URL}/login`);
});

test("[ADMIN] a finance user is refused the KYC section", async ({ page }) => {
  await signInStaff(page, "FINANCE");

  // The navigation offers only what finance may open…
  await expect(sectionNav(page).getByRole("link", { name: "Withdrawals" })).toBeVisible();
  await expect(sectionNav(page).getByRole("link", { name: "KYC" })).toHaveCount(0);

  // …typing the address gets a 403 page…
  const response = await page.goto(`${ADMIN_URL}/kyc`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access to KYC" })).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);

  // …and the API itself refuses, so no page is the only guard.
  const api = await page.request.get(`${ADMIN_URL}/api/trpc/kyc.queue`);
  expect(api.status()).toBe(403);
  expect((await api.json()).error.json.data.appCode).toBe("FORBIDDEN");

  // Finance's own section works.
  await sectionNav(page).getByRole("link", { name: "Withdrawals" }).click();
  await expect(page.getByRole("heading", { name: "Withdrawals", level: 1 })).toBeVisible();
  await expect(page.getByText("No withdrawals awaiting approval")).toBeVisible();
});

test("[ADMIN] compliance can open KYC and sees its staff log-in in the audit log", async ({
  page,
}) => {
  const compliance = await signInStaff(page, "COMPLIANCE");
  await expect(page.getByTestId("role-badge")).toHaveText(["Compliance"]);

  await sectionNav(page).getByRole("link", { name: "KYC" }).click();
  await expect(page).toHaveURL(`${ADMIN_URL}/kyc`);
  await expect(page.getByRole("heading", { name: "KYC", level: 1 })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Submitted" })).toBeVisible();
  // The queue itself (empty or not: the KYC journey may have a submission waiting by now).
  await expect(page.getByRole("table", { name: "KYC submissions" })).toBeVisible();
  const direct = await page.goto(`${ADMIN_URL}/kyc`);
  expect(direct?.status()).toBe(200);

  await sectionNav(page).getByRole("link", { name: "Audit" }).click();
  await expect(page.getByRole("heading", { name: "Audit", level: 1 })).toBeVisible();
  await expect(
    page.getByTestId("audit-row").filter({ hasText: "staff.login" }).first(),
  ).toBeVisible();
  expect(compliance.role).toBe("COMPLIANCE");
  // Compliance has no business in markets configuration.
  expect((await page.goto(`${ADMIN_URL}/markets`))?.status()).toBe(403);
});

test("[ADMIN] operations sees the real markets", async ({ page }) => {
  await signInStaff(page, "OPERATIONS");
  await sectionNav(page).getByRole("link", { name: "Markets" }).click();
  // The seeded markets (the markets journey lists more of its own while the suite runs), each
  // named by pair and symbol: BTC/USDT's spot market, not its perpetual (BTCUSDT-PERP).
  const rows = page.getByTestId("market-row");
  await expect(rows.getByRole("rowheader", { name: /^BTC\/USDT\s*BTCUSDT$/ })).toBeVisible();
  await expect(rows.getByRole("rowheader", { name: /^ETH\/USDT\s*ETHUSDT$/ })).toBeVisible();
  await expect(rows.getByRole("rowheader", { name: /BTCUSDT-PERP$/ })).toBeVisible();
  await expect(rows.getByRole("rowheader", { name: /ETHUSDT-PERP$/ })).toBeVisible();
  await expect(sectionNav(page).getByRole("link", { name: "KYC" })).toHaveCount(0);
});

test("[ADMIN] staff and trader sessions in one browser stay apart", async ({ page }) => {
  const admin = await signInStaff(page, "ADMIN");

  // Same host, different port: the admin session must not count as a trader session.
  await page.goto(`${WEB_URL}/markets`);
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();

  const [trader] = SEED_TRADERS;
  await logInTrader(page, trader);

  // Logging in on the trading site left the staff session intact.
  await page.goto(`${ADMIN_URL}/`);
  await expect(page.getByTestId("staff-name")).toHaveText(admin.name);
});

test("[ADMIN] a revoked role and a deactivated account take effect on the next request", async ({
  page,
}) => {
  const staff = await createStaff(["COMPLIANCE"]);
  await logInAsStaff(page, staff);
  await sectionNav(page).getByRole("link", { name: "KYC" }).click();
  await expect(page.getByRole("heading", { name: "KYC", level: 1 })).toBeVisible();

  // The role goes while the session is open: the very next load of the page refuses…
  await setStaffRoles(staff.id, []);
  expect((await page.reload())?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access to KYC" })).toBeVisible();
  await expect(page.getByText("Your roles: none.")).toBeVisible();
  // …and so does the API behind it.
  expect((await page.request.get(`${ADMIN_URL}/api/trpc/kyc.queue`)).status()).toBe(403);

  // A deactivated staff member's session is over, though its cookie has hours left.
  await deactivateStaff(staff.id);
  await page.reload();
  await expect(page).toHaveURL(/\/login(\?|$)/);
  await expect(page.getByRole("heading", { name: "Staff log-in" })).toBeVisible();
  expect((await page.request.get(`${ADMIN_URL}/api/trpc/kyc.queue`)).status()).toBe(401);
});

test("[ADMIN] staff log-in needs the code from their authenticator; a wrong one is refused", async ({
  page,
}) => {
  // The seeded finance account is enrolled with its fixed demo secret (seed-data.ts).
  const finance = seedStaff("FINANCE");
  await page.goto(`${ADMIN_URL}/login`);
  await page.getByLabel("Work email").fill(finance.email);
  await page.getByLabel("Password").fill(finance.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("heading", { name: "Two-factor authentication" })).toBeVisible();

  // Past the password but not the code: the console stays shut.
  expect((await page.request.get(`${ADMIN_URL}/api/trpc/withdrawals.queue`)).status()).toBe(401);
  await page.getByLabel("Authentication code").fill("123456");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByTestId("form-error")).toContainText("That code is not right");

  await page.getByLabel("Authentication code").fill(await nextTotpCode(finance.totpSecret));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByTestId("staff-name")).toHaveText(finance.name);
});

test("[ADMIN] staff without two-factor enrol only through an administrator's one-time link, and it is audited", async ({
  page,
  browser,
}) => {
  const newcomer = await createStaff(["ADMIN"], { name: "Nia Newcomer", twoFactor: false });
  // The password alone does not open enrolment: a stolen password cannot enrol an attacker's app.
  await page.goto(`${ADMIN_URL}/login`);
  await page.getByLabel("Work email").fill(newcomer.email);
  await page.getByLabel("Password").fill(newcomer.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByTestId("form-error")).toContainText("set-up link from an administrator");
  await expect(page.getByTestId("totp-qr")).toHaveCount(0);

  // An administrator creates the link in the console.
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signInStaff(adminPage, "ADMIN");
  await sectionNav(adminPage).getByRole("link", { name: "Staff" }).click();
  const row = adminPage.getByTestId("staff-row").filter({ hasText: newcomer.email });
  await row.getByRole("button", { name: `Manage ${newcomer.name}` }).click();
  await row.getByRole("button", { name: /Create a two-factor set-up link/ }).click();
  const link = (await row.getByTestId("enrolment-link").textContent()) ?? "";
  expect(link).toMatch(new RegExp(`^${ADMIN_URL}/login\\?enrol=[\\w-]{43}$`));
  await admin.close();

  await page.goto(link);
  await page.getByLabel("Work email").fill(newcomer.email);
  await page.getByLabel("Password").fill(newcomer.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(
    page.getByRole("heading", { name: "Set up two-factor authentication" }),
  ).toBeVisible();
  await expect(page.getByTestId("totp-qr")).toBeVisible();
  // The console does not open before enrolment is confirmed.
  await page.goto(`${ADMIN_URL}/`);
  await expect(page).toHaveURL(`${ADMIN_URL}/login`);

  const enrolled = await logInAsStaff(page, newcomer, { enrolmentLink: link });
  expect(enrolled.totpSecret).toMatch(/^[A-Z2-7]{32}$/);
  await sectionNav(page).getByRole("link", { name: "Audit" }).click();
  for (const action of [
    "staff.enrolment_link_created",
    "staff.two_factor_enabled",
    "staff.login",
  ]) {
    await expect(page.getByTestId("audit-row").filter({ hasText: action }).first()).toBeVisible();
  }
});

test("[ADMIN] compliance suspends a trader from the profile: the trader's open session ends at once", async ({
  page,
  browser,
}) => {
  const setup = await setUpTrading();
  try {
    const trader = await setup.createTrader({});
    const traderContext = await browser.newContext();
    const traderPage = await traderContext.newPage();
    await logInTrader(traderPage, trader);

    await signInStaff(page, "COMPLIANCE");
    await page.goto(`${ADMIN_URL}/users/${trader.id}`);
    const suspend = page.getByRole("form", { name: "Suspend account" });
    await suspend.getByLabel("Reason for suspending").fill("Account takeover reported.");
    await suspend.getByRole("button", { name: "Suspend account" }).click();
    await expect(page.getByText("Suspended", { exact: true })).toBeVisible();
    await expect(page.getByRole("form", { name: "Suspend account" })).toHaveCount(0);

    // The trader's browser, still holding its cookie, is logged out on its next request.
    await traderPage.reload();
    await expect(traderPage.getByRole("link", { name: "Log in" })).toBeVisible();
    await expect(traderPage.getByTestId("account-email")).toHaveCount(0);
    await traderContext.close();

    await sectionNav(page).getByRole("link", { name: "Audit" }).click();
    await expect(
      page.getByTestId("audit-row").filter({ hasText: "user.suspended" }).first(),
    ).toBeVisible();
  } finally {
    await setup.close();
  }
});
