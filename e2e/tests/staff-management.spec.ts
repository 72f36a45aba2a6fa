import { type Browser, expect, type Page, test } from "@playwright/test";
import { ADMIN_URL, uniqueEmail } from "../fixtures";
import { latestMailTo, linkIn } from "./support/mail";
import { enrolOnPage, logInAsStaff, sectionNav, signInStaff } from "./support/sessions";
import { createStaff } from "./support/staff-db";

/** An administrator's console, signed in, on the staff page. */
async function adminOnStaffPage(page: Page) {
  const admin = await signInStaff(page, "ADMIN");
  await sectionNav(page).getByRole("link", { name: "Staff" }).click();
  await expect(page.getByRole("heading", { name: "Staff", level: 1 })).toBeVisible();
  return admin;
}

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test("[ADMIN] an administrator invites a member, who enrols from the mail and sees their role's sections", async ({
  page,
  browser,
}) => {
  await adminOnStaffPage(page);
  const email = uniqueEmail("invitee");
  const invite = page.getByRole("region", { name: "Invite a staff member" });
  await invite.getByLabel("Work email").fill(email);
  await invite.getByLabel("Name").fill("Fiona Finance");
  await invite.getByRole("checkbox", { name: "Finance" }).check();
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(invite.getByRole("status")).toHaveText(`Invitation sent to ${email}.`);
  const row = page.getByTestId("staff-row").filter({ hasText: email });
  await expect(row.getByTestId("staff-status")).toContainText("Invited");

  // A second invitation to the same address is refused and adds no row.
  await invite.getByLabel("Work email").fill(email);
  await invite.getByLabel("Name").fill("Fiona Again");
  await invite.getByRole("checkbox", { name: "Finance" }).check();
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(invite.getByRole("alert")).toHaveText(
    "A staff member with this email already exists.",
  );
  await expect(page.getByTestId("staff-row").filter({ hasText: email })).toHaveCount(1);

  // The invitee opens the mail's link in their own browser.
  const mail = await latestMailTo(email, { subject: /invited/ });
  const link = linkIn(mail, "/login/invite");
  expect(link.origin).toBe(new URL(ADMIN_URL).origin);
  const invitee = await newPage(browser);
  await invitee.goto(link.toString());
  await expect(invitee.getByRole("heading", { name: "Join the admin console" })).toBeVisible();
  await invitee.getByLabel("Choose a password").fill("fiona-pass-2026");
  await invitee.getByLabel("Repeat the password").fill("fiona-pass-2027");
  await invitee.getByRole("button", { name: "Save password and set up two-factor" }).click();
  await expect(invitee.getByText("The two passwords differ.")).toBeVisible();
  await invitee.getByLabel("Choose a password").fill("fiona-pass-2026");
  await invitee.getByLabel("Repeat the password").fill("fiona-pass-2026");
  await invitee.getByRole("button", { name: "Save password and set up two-factor" }).click();
  await enrolOnPage(invitee, "Turn on two-factor and continue");
  await expect(invitee.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  await invitee.getByRole("link", { name: "Continue to the console" }).click();
  await expect(invitee.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(invitee.getByTestId("staff-name")).toHaveText("Fiona Finance");
  await expect(sectionNav(invitee).getByRole("link", { name: "Withdrawals" })).toBeVisible();
  await expect(sectionNav(invitee).getByRole("link", { name: "KYC" })).toHaveCount(0);
  await expect(sectionNav(invitee).getByRole("link", { name: "Staff" })).toHaveCount(0);

  // The link worked once.
  await invitee.goto(link.toString());
  await expect(invitee.getByText(/This invitation link is no longer valid/)).toBeVisible();

  await page.reload();
  await expect(row.getByTestId("staff-status")).toContainText("Active");
  await expect(row).toContainText("On");
});

test("[ADMIN] a deactivated member is logged out at once, after a confirmation", async ({
  page,
  browser,
}) => {
  const admin = await adminOnStaffPage(page);
  const member = await createStaff(["OPERATIONS"], { name: "Otto Operations" });
  const memberPage = await newPage(browser);
  await logInAsStaff(memberPage, member);

  await page.reload();
  const row = page.getByTestId("staff-row").filter({ hasText: member.email });
  await row.getByRole("button", { name: `Manage ${member.name}` }).click();
  await row.getByRole("button", { name: "Deactivate" }).click();
  await row.getByRole("button", { name: "Yes, Deactivate" }).click();
  await expect(row.getByRole("status").filter({ hasText: "Deactivated;" })).toBeVisible();
  await expect(row.getByTestId("staff-status")).toContainText("Deactivated");
  await memberPage.reload();
  await expect(memberPage.getByRole("heading", { name: "Staff log-in" })).toBeVisible();

  // A change is confirmed before it is sent: a cancelled confirmation sends nothing. (The
  // last-administrator rule needs a staff with one administrator: the API's tests cover it.)
  const own = page.getByTestId("staff-row").filter({ hasText: admin.email });
  await own.getByRole("button", { name: `Manage ${admin.name}` }).click();
  await own.getByRole("button", { name: "Save roles" }).click();
  await own.getByRole("button", { name: "Cancel" }).click();
  await expect(own.getByRole("button", { name: "Save roles" })).toBeVisible();
});

test("[ADMIN] a lost two-factor is reset by two administrators and the member enrols again from the mail", async ({
  page,
  browser,
}) => {
  const asker = await adminOnStaffPage(page);
  const member = await createStaff(["COMPLIANCE"], { name: "Lou Lost" });
  await page.reload();
  const row = page.getByTestId("staff-row").filter({ hasText: member.email });
  await row.getByRole("button", { name: `Manage ${member.name}` }).click();
  await row
    .getByLabel("Reason (how you checked it is them)")
    .fill("Phone lost; checked by video call.");
  await row.getByRole("button", { name: "Reset two-factor" }).click();
  await row.getByRole("button", { name: "Yes, Reset two-factor" }).click();
  await expect(row.getByRole("status").filter({ hasText: "Requested" })).toBeVisible();

  // The asker cannot approve their own request.
  const pending = page.getByTestId("pending-reset").filter({ hasText: member.email });
  await expect(pending).toContainText("Waiting for another administrator to approve.");
  await expect(pending.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await expect(pending).toContainText(asker.name);

  // A second administrator approves.
  const second = await newPage(browser);
  await adminOnStaffPage(second);
  const theirs = second.getByTestId("pending-reset").filter({ hasText: member.email });
  await theirs.getByRole("button", { name: "Approve" }).click();
  await theirs.getByRole("button", { name: "Yes, Approve" }).click();
  await expect(second.getByTestId("pending-reset").filter({ hasText: member.email })).toHaveCount(
    0,
  );

  // The member's fresh link leads through the log-in to a new enrolment.
  const mail = await latestMailTo(member.email, { subject: /Set up two-factor again/ });
  const link = linkIn(mail, "/login");
  const memberPage = await newPage(browser);
  const enrolled = await logInAsStaff(
    memberPage,
    { ...member, totpSecret: null },
    { enrolmentLink: link.toString() },
  );
  expect(enrolled.totpSecret).not.toBe(member.totpSecret);
});
