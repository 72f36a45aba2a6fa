import { expect, type Page } from "@playwright/test";
import { ADMIN_URL, SEED_STAFF, WEB_URL } from "../../fixtures";
import { createStaff, type TestStaff } from "./staff-db";
import { nextTotpCode } from "./totp";

export type StaffRoleName = (typeof SEED_STAFF)[number]["role"];

/** A seeded staff account by role; the seed has exactly one per role. */
export function seedStaff(role: StaffRoleName) {
  const staff = SEED_STAFF.find((s) => s.role === role);
  if (!staff) throw new Error(`the seed has no ${role} staff member`);
  return staff;
}

/** Fills and sends the trading site's log-in form (the result is the caller's to check). */
export async function submitWebLogIn(page: Page, credentials: { email: string; password: string }) {
  await page.goto(`${WEB_URL}/login`);
  await page.getByLabel("Email").fill(credentials.email);
  await page.getByLabel("Password", { exact: true }).fill(credentials.password);
  await page.getByRole("button", { name: "Log in" }).click();
}

/**
 * Logs a trader in; when `totpSecret` is given, answers the two-factor step with a fresh code
 * from it. Waits until the trader is signed in.
 */
export async function logInTrader(
  page: Page,
  trader: { email: string; password: string; totpSecret?: string | null },
) {
  await submitWebLogIn(page, trader);
  if (trader.totpSecret) {
    await expect(page.getByRole("heading", { name: "Two-factor authentication" })).toBeVisible();
    await page.getByLabel("Authentication code").fill(await nextTotpCode(trader.totpSecret));
    await page.getByRole("button", { name: "Verify" }).click();
  }
  await expect(page.getByTestId("account-email")).toContainText(trader.email);
}

const ROLE_NAMES: Record<StaffRoleName, string> = {
  ADMIN: "Ada Admin",
  COMPLIANCE: "Chen Compliance",
  FINANCE: "Farah Finance",
  OPERATIONS: "Omar Operations",
};

/**
 * Logs a new staff member of `role` into the admin console, through the two-factor step, and
 * waits for the dashboard. Each call creates its own account (enrolled in two-factor with a
 * fresh secret), so parallel tests never compete for one account's codes. Returns the account,
 * with `role` and its TOTP secret.
 */
export async function signInStaff(page: Page, role: StaffRoleName) {
  const staff = await createStaff([role], { name: ROLE_NAMES[role] });
  await logInAsStaff(page, staff);
  return { ...staff, role };
}

/** Kept for existing specs: the same as `signInStaff`. */
export const logInToAdmin = signInStaff;

/**
 * Logs any staff account into the admin console and waits for the dashboard. With a TOTP
 * secret it answers the code step; without one it goes through enrolment (computing the code
 * from the secret the page shows), which needs an administrator's set-up link, and returns the
 * secret it enrolled.
 */
export async function logInAsStaff(
  page: Page,
  staff: TestStaff,
  options: { enrolmentLink?: string } = {},
): Promise<TestStaff> {
  await page.goto(options.enrolmentLink ?? `${ADMIN_URL}/login`);
  await page.getByLabel("Work email").fill(staff.email);
  await page.getByLabel("Password").fill(staff.password);
  await page.getByRole("button", { name: "Log in" }).click();
  let totpSecret = staff.totpSecret;
  if (totpSecret) {
    await expect(page.getByRole("heading", { name: "Two-factor authentication" })).toBeVisible();
    await page.getByLabel("Authentication code").fill(await nextTotpCode(totpSecret));
    await page.getByRole("button", { name: "Verify" }).click();
  } else {
    totpSecret = await enrolOnPage(page, "Turn on two-factor and continue");
    await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
    await page.getByRole("link", { name: "Continue to the console" }).click();
  }
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByTestId("staff-name")).toHaveText(staff.name);
  return { ...staff, totpSecret };
}

/**
 * On a page showing a two-factor set-up (QR and key): reads the key, types the code an app
 * would show, and presses `confirmLabel`. Returns the secret.
 */
export async function enrolOnPage(page: Page, confirmLabel: string): Promise<string> {
  const secretText = page.getByTestId("totp-secret");
  await expect(secretText).toBeVisible();
  await expect(page.getByTestId("totp-qr")).toBeVisible();
  const secret = await secretText.getAttribute("data-secret");
  if (!secret) throw new Error("the set-up shows no secret");
  await page.getByLabel("Code from your app").fill(await nextTotpCode(secret));
  await page.getByRole("button", { name: confirmLabel }).click();
  return secret;
}

/** The admin console's section navigation. */
export function sectionNav(page: Page) {
  return page.getByRole("navigation", { name: "Sections" });
}
