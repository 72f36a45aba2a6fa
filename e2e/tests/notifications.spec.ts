import { join } from "node:path";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { createDb } from "../../packages/db/src/client";
import { hashPassword } from "../../packages/db/src/password";
import { ADMIN_URL, uniqueEmail, WEB_URL } from "../fixtures";
import { expectAccessible } from "./support/accessibility";
import { useOwnClientAddressPerTest } from "./support/client-address";
import { latestMailTo } from "./support/mail";
import { snap } from "./support/screens";
import { logInTrader, signInStaff } from "./support/sessions";

/**
 * [NOTIFICATIONS] The notification centre through the browser: operations publishes an
 * announcement a trader sees as a banner and on the announcements page; a trader's identity
 * decision rings the bell while their page stays open (pushed on `@account`, no reload), and
 * they mark it read.
 */

useOwnClientAddressPerTest(test);

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "kyc");
const PASSWORD = "notify-e2e-pass-1";

/** A picture for people to look at, per project (desktop or phone). */
const snapFor = (page: Page, name: string) => snap(page, `${name}.${test.info().project.name}`);

/** A trader with a verified email and no verified identity yet, straight in the database. */
async function createUnverifiedTrader() {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run with npm run test:e2e");
  const db = createDb(url);
  try {
    const email = uniqueEmail("notify");
    await db.user.create({
      data: {
        email,
        passwordHash: await hashPassword(PASSWORD),
        emailVerifiedAt: new Date(),
        kycLevel: 0,
      },
    });
    return { email, password: PASSWORD };
  } finally {
    await db.$disconnect();
  }
}

/** A name no other test uses, so the queue row is unmistakably this test's. */
function uniqueLegalName(): string {
  const letters = Array.from({ length: 6 }, () =>
    String.fromCharCode(97 + Math.floor(Math.random() * 26)),
  ).join("");
  return `Grace ${letters.charAt(0).toUpperCase()}${letters.slice(1)} Hopper`;
}

/** A member of staff with `role` in a browser window of their own. */
async function consoleOf(browser: Browser, role: "OPERATIONS" | "COMPLIANCE") {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInStaff(page, role);
  return { page, close: () => context.close() };
}

test("[NOTIFICATIONS] operations publishes an announcement that a trader sees, and dismisses", async ({
  page,
  browser,
}) => {
  test.setTimeout(60_000);
  const title = `Maintenance window ${Math.random().toString(36).slice(2, 8)}`;
  const body = "Deposits pause for thirty minutes at 02:00 UTC.";

  const operations = await consoleOf(browser, "OPERATIONS");
  await operations.page.goto(`${ADMIN_URL}/announcements`);
  await expect(
    operations.page.getByRole("heading", { name: "Announcements", level: 1 }),
  ).toBeVisible();
  const form = operations.page.getByRole("form", { name: "New announcement" });
  const english = form.getByRole("group", { name: "English" });
  await english.getByLabel("Title").fill(title);
  // A title without its text is refused, and says which field.
  await form.getByRole("button", { name: "Publish" }).click();
  await expect(form.getByRole("alert")).toBeVisible();
  await english.getByLabel("Text").fill(body);
  await form.getByRole("button", { name: "Publish" }).click();
  await expect(form.getByRole("status")).toHaveText("Published.");
  const row = operations.page.getByTestId("announcement-row").filter({ hasText: title });
  await expect(row).toContainText("Shown now");
  await expectAccessible(operations.page, "admin announcements");
  await snapFor(operations.page, "admin-announcements");
  await operations.close();

  const trader = await createUnverifiedTrader();
  await logInTrader(page, trader);
  const banner = page.getByTestId("announcement-banner");
  await expect(banner).toContainText(title);
  await expect(banner).toContainText(body);
  await snapFor(page, "web-announcement-banner");
  await banner.getByRole("link", { name: "All announcements" }).click();
  await expect(page.getByRole("heading", { name: "Announcements", level: 1 })).toBeVisible();
  await expect(page.getByTestId("announcement").filter({ hasText: title })).toContainText(body);
  await expectAccessible(page, "web announcements");
  await snapFor(page, "web-announcements");

  // Dismissed, it stays away on the next page; the list still has it.
  await page.getByTestId("announcement-banner").getByRole("button", { name: "Dismiss" }).click();
  await expect(page.getByTestId("announcement-banner").filter({ hasText: title })).toHaveCount(0);
  await page.goto(`${WEB_URL}/markets`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("announcement-banner").filter({ hasText: title })).toHaveCount(0);
});

test("[NOTIFICATIONS] a trader's identity decision rings the bell live, and is marked read @phone", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const trader = await createUnverifiedTrader();
  const legalName = uniqueLegalName();
  await logInTrader(page, trader);
  const bell = page.getByTestId("notification-bell");
  await expect(bell).toHaveAccessibleName("Notifications");
  await expect(page.getByTestId("notification-count")).toHaveCount(0);

  // The trader submits their identity, then waits on the verification page.
  await page.getByTestId("verification-link").click();
  await expect(page.getByRole("heading", { name: "Identity verification" })).toBeVisible();
  await page.getByLabel("Full legal name").fill(legalName);
  await page.getByLabel("Date of birth").fill("1990-12-10");
  await page.getByLabel("Issuing country").selectOption("GB");
  await page.getByLabel("Passport", { exact: true }).check();
  await page.getByLabel("Document number").fill("552211009");
  await page.getByLabel("Document front").setInputFiles(join(FIXTURES, "passport-front.jpg"));
  await page.getByLabel("Selfie with the document").setInputFiles(join(FIXTURES, "selfie.jpg"));
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByTestId("kyc-state")).toHaveAttribute("data-state", "pending");

  // Compliance approves in its own window.
  const compliance = await consoleOf(browser, "COMPLIANCE");
  await compliance.page.goto(`${ADMIN_URL}/kyc`);
  const row = compliance.page.getByTestId("kyc-row").filter({ hasText: legalName });
  await row.getByRole("link", { name: /Review #\d+/ }).click();
  await compliance.page.getByRole("button", { name: /Approve/ }).click();
  await expect(compliance.page.getByTestId("kyc-status").first()).toHaveText("Approved");
  await compliance.close();

  // The bell rings on the page the trader kept open: no reload.
  await expect(page.getByTestId("notification-count")).toHaveText("1", { timeout: 15_000 });
  await expect(bell).toHaveAccessibleName("Notifications, 1 unread");
  await latestMailTo(trader.email, { subject: /identity is verified/ });
  // The page the trader kept open shows the decision too.
  await expect(page.getByTestId("kyc-state")).toHaveAttribute("data-state", "approved");

  // Keyboard: the bell opens its panel, which names the decision; Escape gives focus back.
  await bell.focus();
  await page.keyboard.press("Enter");
  const panel = page.getByRole("dialog", { name: "Notifications" });
  await expect(panel.getByTestId("notification").first()).toContainText("Identity verified");
  await expect(panel.getByTestId("notification").first()).toContainText(
    "Your account is now at level 1.",
  );
  await expectAccessible(page, "web notification panel");
  await snapFor(page, "web-notification-panel");
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await expect(bell).toBeFocused();

  // Marked read from the panel: the count goes.
  await bell.click();
  await panel.getByRole("button", { name: "Mark read" }).click();
  await expect(page.getByTestId("notification-count")).toHaveCount(0);
  await expect(bell).toHaveAccessibleName("Notifications");

  // The page lists it, read, with the mail choices (identity mails always sent).
  await panel.getByRole("link", { name: "See all notifications" }).click();
  await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
  const listed = page.getByTestId("notification-list").getByTestId("notification");
  await expect(listed).toHaveCount(1);
  await expect(listed).toHaveAttribute("data-read", "true");
  const mail = page.getByTestId("mail-choices");
  await expect(mail.getByRole("checkbox", { name: "Identity verified" })).toBeDisabled();
  await expect(mail.getByRole("checkbox", { name: "Identity verified" })).toBeChecked();
  await mail.getByRole("checkbox", { name: "Large fills" }).check();
  await expect(mail.getByRole("status")).toHaveText("Saved.");
  await page.reload();
  await expect(
    page.getByTestId("mail-choices").getByRole("checkbox", { name: "Large fills" }),
  ).toBeChecked();
  await expectAccessible(page, "web notifications");
  await snapFor(page, "web-notifications");
});
