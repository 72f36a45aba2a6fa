import { expect, type Page } from "@playwright/test";
import { ADMIN_URL, SEED_STAFF, WEB_URL } from "../../fixtures";

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
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Log in" }).click();
}

/** Logs a staff member into the admin console and waits for the dashboard. */
export async function logInToAdmin(page: Page, role: StaffRoleName) {
  const staff = seedStaff(role);
  await logInAsStaff(page, staff);
  return staff;
}

/** Logs any staff account into the admin console and waits for the dashboard. */
export async function logInAsStaff(
  page: Page,
  staff: { email: string; password: string; name: string },
) {
  await page.goto(`${ADMIN_URL}/login`);
  await page.getByLabel("Work email").fill(staff.email);
  await page.getByLabel("Password").fill(staff.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByTestId("staff-name")).toHaveText(staff.name);
}

/** The admin console's section navigation. */
export function sectionNav(page: Page) {
  return page.getByRole("navigation", { name: "Sections" });
}
