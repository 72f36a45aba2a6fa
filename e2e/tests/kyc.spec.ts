import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Browser, expect, type Page, test } from "@playwright/test";
import pg from "pg";
import { ADMIN_URL, uniqueEmail, WEB_URL } from "../fixtures";
import { useOwnClientAddressPerTest } from "./support/client-address";
import { latestMailTo, linkIn } from "./support/mail";
import { snap } from "./support/screens";
import { enrolOnPage, logInTrader, signInStaff } from "./support/sessions";
import { setUpTrading } from "./support/trading-setup";

/** Real image files (and one text file posing as a PNG) the applicant uploads. */
const FIXTURES = join(import.meta.dirname, "..", "fixtures", "kyc");
const fixture = (name: string) => join(FIXTURES, name);
const PASSWORD = "kyc-journey-pass-1";

useOwnClientAddressPerTest(test);

/** A name no other test uses, so the queue row is unmistakably this test's. */
function uniqueLegalName(): string {
  const letters = Array.from({ length: 6 }, () =>
    String.fromCharCode(97 + Math.floor(Math.random() * 26)),
  ).join("");
  return `Ada ${letters.charAt(0).toUpperCase()}${letters.slice(1)} Lovelace`;
}

/** Registration → verification mail from the sink → log-in → two-factor enrolment. */
async function registerVerifiedTraderWithTwoFactor(page: Page, email: string) {
  await page.goto(`${WEB_URL}/register`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const mail = await latestMailTo(email, { subject: /Verify your email/ });
  await page.goto(linkIn(mail, "/verify-email").toString());
  await expect(page.getByRole("heading", { name: "Email verified" })).toBeVisible();
  await logInTrader(page, { email, password: PASSWORD });

  await page.getByRole("link", { name: "Security" }).click();
  await page.getByRole("button", { name: "Set up two-factor" }).click();
  await enrolOnPage(page, "Turn on two-factor");
  await page.getByRole("button", { name: "I have saved my recovery codes" }).click();
  await expect(page.getByTestId("two-factor-status")).toHaveText("On");
}

async function fillIdentity(
  page: Page,
  person: { legalName: string; documentType: string; documentNumber: string },
) {
  await page.getByLabel("Full legal name").fill(person.legalName);
  await page.getByLabel("Date of birth").fill("1990-12-10");
  await page.getByLabel("Issuing country").selectOption("GB");
  await page.getByLabel(person.documentType, { exact: true }).check();
  await page.getByLabel("Document number").fill(person.documentNumber);
}

/** A compliance officer's own browser window, signed in (through two-factor). */
async function complianceConsole(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInStaff(page, "COMPLIANCE");
  await snap(page, "admin-dashboard-compliance");
  return { page, close: () => context.close() };
}

/** Opens this applicant's pending submission from the queue, oldest first. */
async function openFromQueue(page: Page, legalName: string) {
  await page.goto(`${ADMIN_URL}/kyc`);
  await expect(page.getByRole("heading", { name: "KYC", level: 1 })).toBeVisible();
  const row = page.getByTestId("kyc-row").filter({ hasText: legalName });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("kyc-status")).toHaveText("Pending");
  await expect(row.getByTestId("kyc-waiting")).toHaveAttribute("data-tone", "fresh");
  await snap(page, "admin-kyc-queue");
  await row.getByRole("link", { name: /Review #\d+/ }).click();
  await expect(page.getByRole("heading", { name: /Submission #\d+/ })).toBeVisible();
}

/** Every document image on the page has really loaded (the route served real image bytes). */
async function expectDocumentsShown(page: Page, kinds: string[]) {
  for (const kind of kinds) {
    const image = page.getByTestId(`kyc-document-${kind}`).getByRole("img");
    await expect(image).toBeVisible();
    await expect
      .poll(() =>
        image.evaluate((element) => {
          const img = element as unknown as { complete: boolean; naturalWidth: number };
          return img.complete ? img.naturalWidth : 0;
        }),
      )
      .toBeGreaterThan(0);
  }
}

test("[KYC] a trader is rejected with a reason, resubmits, is approved to level 1, and every decision is audited", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("kyc");
  const legalName = uniqueLegalName();
  await registerVerifiedTraderWithTwoFactor(page, email);

  // Unverified: the order form refuses and points to verification.
  await page.goto(`${WEB_URL}/trade/BTCUSDT`);
  const form = page.getByTestId("order-form");
  await form.getByRole("textbox", { name: "Price", exact: true }).fill("50000");
  await form.getByRole("textbox", { name: "Amount", exact: true }).fill("0.01");
  await form.getByRole("button", { name: "Buy BTC" }).click();
  await expect(form.getByTestId("form-error")).toContainText(
    "Verify your identity to start trading",
  );
  await form.getByRole("link", { name: "Verify now" }).click();
  await expect(page.getByRole("heading", { name: "Identity verification" })).toBeVisible();
  await snap(page, "web-verification-none");

  // A text file named .png is refused by its content, and nothing else is lost.
  await fillIdentity(page, {
    legalName,
    documentType: "National identity card",
    documentNumber: "ID-4471-2290",
  });
  await page.getByLabel("Document front").setInputFiles(fixture("not-an-image.png"));
  await page.getByLabel("Document back").setInputFiles(fixture("id-back.png"));
  await page.getByLabel("Selfie with the document").setInputFiles(fixture("selfie.jpg"));
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("Upload a JPEG, PNG or WebP photo, or a PDF scan.")).toBeVisible();
  await snap(page, "web-verification-fake-image");

  await page.getByLabel("Document front").setInputFiles(fixture("id-front.png"));
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByTestId("kyc-state")).toHaveAttribute("data-state", "pending");
  await expect(page.getByTestId("kyc-state")).toContainText("Under review");
  await expect(page.getByTestId("verification-link")).toHaveText(/Verify identity/);
  await snap(page, "web-verification-pending");

  // Compliance finds it in the queue, sees the three documents side by side, and rejects.
  const compliance = await complianceConsole(browser);
  await openFromQueue(compliance.page, legalName);
  await expectDocumentsShown(compliance.page, ["front", "back", "selfie"]);
  await snap(compliance.page, "admin-kyc-detail");
  const reason = "The name on the card is cut off. Photograph the whole card.";
  await compliance.page.getByLabel(/Reason for rejection/).fill(reason);
  await compliance.page.getByRole("button", { name: "Reject with this reason" }).click();
  await expect(compliance.page.getByTestId("kyc-decision")).toContainText(reason);
  await expect(compliance.page.getByTestId("kyc-status").first()).toHaveText("Rejected");
  await snap(compliance.page, "admin-kyc-rejected");

  // The trader sees the reason (on the page and by mail) and submits again, with a passport.
  const rejectionMail = await latestMailTo(email, { subject: /could not verify/ });
  expect(rejectionMail.text).toContain(reason);
  await page.reload();
  await expect(page.getByTestId("kyc-state")).toHaveAttribute("data-state", "rejected");
  // The form takes input once the page is live, which its enabled button shows.
  await expect(page.getByRole("button", { name: "Submit for review" })).toBeEnabled();
  await expect(page.getByTestId("kyc-reject-reason")).toHaveText(reason);
  await expect(page.getByLabel("Full legal name")).toHaveValue(legalName);
  await snap(page, "web-verification-rejected");
  await page.getByLabel("Date of birth").fill("1990-12-10");
  await page.getByLabel("Passport", { exact: true }).check();
  await page.getByLabel("Document number").fill("123456789");
  await expect(page.getByLabel("Document back")).toHaveCount(0);
  await page.getByLabel("Document front").setInputFiles(fixture("passport-front.jpg"));
  await page.getByLabel("Selfie with the document").setInputFiles(fixture("selfie.jpg"));
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByTestId("kyc-state")).toHaveAttribute("data-state", "pending");

  // Compliance approves the second submission, with the first in its history.
  await openFromQueue(compliance.page, legalName);
  await expect(compliance.page.getByTestId("kyc-history")).toContainText(reason);
  await snap(compliance.page, "admin-kyc-detail-resubmitted");
  await expectDocumentsShown(compliance.page, ["front", "selfie"]);
  await compliance.page.getByRole("button", { name: /Approve/ }).click();
  await expect(compliance.page.getByTestId("kyc-status").first()).toHaveText("Approved");

  // The trader is at level 1, and the header says so.
  await latestMailTo(email, { subject: /identity is verified/ });
  await page.reload();
  await expect(page.getByTestId("kyc-state")).toHaveAttribute("data-state", "approved");
  await expect(page.getByTestId("kyc-state")).toContainText("Verified · Level 1");
  await expect(page.getByTestId("verification-link")).toHaveText(/Verified · L1/);
  await snap(page, "web-verification-approved");

  // The applicant's profile: both submissions, newest first.
  await compliance.page.getByRole("link", { name: "Full profile →" }).click();
  await expect(compliance.page.getByRole("heading", { name: email })).toBeVisible();
  await expect(compliance.page.getByTestId("profile-kyc-row")).toHaveCount(2);
  await snap(compliance.page, "admin-user-profile");
  await compliance.page.goto(`${ADMIN_URL}/users?q=${encodeURIComponent(email)}`);
  await expect(compliance.page.getByTestId("user-row")).toHaveCount(1);
  await snap(compliance.page, "admin-users-search");

  // The audit log shows both decisions, who made them and what changed.
  await compliance.page.goto(`${ADMIN_URL}/audit`);
  await compliance.page.getByLabel("Action").selectOption("kyc.");
  await compliance.page.getByRole("button", { name: "Apply" }).click();
  await expect(compliance.page).toHaveURL(/action=kyc\./);
  const rows = compliance.page.getByTestId("audit-row");
  await expect(rows.filter({ hasText: "kyc.approve" }).first()).toContainText("APPROVED");
  await expect(rows.filter({ hasText: "kyc.reject" }).first()).toContainText(reason);
  await expect(rows.filter({ hasText: "kyc.submit" })).not.toHaveCount(0);
  await snap(compliance.page, "admin-audit-kyc");
  await compliance.page.goto(`${ADMIN_URL}/kyc?status=ALL`);
  await snap(compliance.page, "admin-kyc-queue-all");
  await compliance.close();
});

/** A submission's document ids, straight from the run's database. */
async function documentIdsOf(submissionId: number): Promise<number[]> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const result = await client.query(
      "SELECT id FROM kyc_documents WHERE submission_id = $1 ORDER BY id",
      [submissionId],
    );
    return result.rows.map((row) => Number(row.id));
  } finally {
    await client.end();
  }
}

/** Moves a submission's time back, as if it had waited that long in the queue. */
async function backdate(submissionId: number, hours: number): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query(
      "UPDATE kyc_submissions SET created_at = created_at - make_interval(hours => $2) WHERE id = $1",
      [submissionId, hours],
    );
  } finally {
    await client.end();
  }
}

/** A verified trader submits through the upload route directly (as a script could). */
async function submitThroughRoute(page: Page) {
  const email = uniqueEmail("kyc-route");
  await registerVerifiedTraderWithTwoFactor(page, email);
  const fields = {
    legalName: uniqueLegalName(),
    dateOfBirth: "1990-12-10",
    country: "GB",
    documentType: "PASSPORT",
    documentNumber: "P1234567",
  };
  const file = (name: string, mimeType: string, buffer: Buffer) => ({ name, mimeType, buffer });
  const post = (multipart: Record<string, string | ReturnType<typeof file>>) =>
    page.request.post(`${WEB_URL}/api/kyc/submissions`, { multipart });

  // Bad input: a text "image", an adult's form with a minor's birth date: nothing accepted.
  const fake = await post({
    ...fields,
    documentFront: file("front.png", "image/png", readFileSync(fixture("not-an-image.png"))),
    selfie: file("selfie.jpg", "image/jpeg", readFileSync(fixture("selfie.jpg"))),
  });
  expect(fake.status()).toBe(400);
  expect((await fake.json()).error.fieldErrors.documentFront[0]).toMatch(/JPEG, PNG or WebP/);
  const minor = await post({
    ...fields,
    dateOfBirth: `${new Date().getUTCFullYear() - 10}-01-01`,
    documentFront: file("front.jpg", "image/jpeg", readFileSync(fixture("passport-front.jpg"))),
    selfie: file("selfie.jpg", "image/jpeg", readFileSync(fixture("selfie.jpg"))),
  });
  expect(minor.status()).toBe(400);
  expect((await minor.json()).error.fieldErrors.dateOfBirth[0]).toMatch(/at least 18/);
  const oversized = Buffer.alloc(6 * 1024 * 1024);
  oversized.set([0xff, 0xd8, 0xff, 0xe0]);
  const tooLarge = await post({
    ...fields,
    documentFront: file("front.jpg", "image/jpeg", oversized),
    selfie: file("selfie.jpg", "image/jpeg", readFileSync(fixture("selfie.jpg"))),
  });
  expect(tooLarge.status()).toBe(400);
  expect((await tooLarge.json()).error.fieldErrors.documentFront[0]).toMatch(/larger than 5 MB/);

  const valid = {
    ...fields,
    documentFront: file("front.jpg", "image/jpeg", readFileSync(fixture("passport-front.jpg"))),
    selfie: file("selfie.jpg", "image/jpeg", readFileSync(fixture("selfie.jpg"))),
  };
  const accepted = await post(valid);
  expect(accepted.status()).toBe(201);
  const duplicate = await post(valid);
  expect(duplicate.status()).toBe(409);
  expect((await duplicate.json()).error.appCode).toBe("KYC_PENDING");
  return (await accepted.json()).submission.id as number;
}

test("[KYC] documents reach compliance only: finance and admin are refused, page and route alike", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const submissionId = await submitThroughRoute(page);
  const [frontId] = await documentIdsOf(submissionId);
  const documentUrl = `${ADMIN_URL}/api/kyc/documents/${frontId}`;

  // Nobody signed in to the console: 401.
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(documentUrl)).status()).toBe(401);
  await anonymous.close();

  // Finance: no KYC pages (403) and no documents (403).
  const finance = await browser.newContext();
  const financePage = await finance.newPage();
  await signInStaff(financePage, "FINANCE");
  const financeView = await financePage.goto(`${ADMIN_URL}/kyc/${submissionId}`);
  expect(financeView?.status()).toBe(403);
  await expect(
    financePage.getByRole("heading", { name: "You don't have access to KYC" }),
  ).toBeVisible();
  await snap(financePage, "admin-kyc-finance-403");
  const financeDocument = await financePage.request.get(documentUrl);
  expect(financeDocument.status()).toBe(403);
  expect(financeDocument.headers()["content-type"]).toContain("application/json");
  await finance.close();

  // Admin alone sees the queue and the submission, but neither the applicant's personal data
  // nor the documents.
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signInStaff(adminPage, "ADMIN");
  await adminPage.goto(`${ADMIN_URL}/kyc/${submissionId}`);
  await expect(adminPage.getByTestId("kyc-document-front")).toContainText(
    "visible to compliance staff only",
  );
  await expect(adminPage.getByRole("button", { name: /Approve/ })).toHaveCount(0);
  await expect(adminPage.getByText("Compliance only")).toHaveCount(3);
  await snap(adminPage, "admin-kyc-detail-as-admin");
  expect((await adminPage.request.get(documentUrl)).status()).toBe(403);
  await admin.close();

  // Compliance gets the bytes, typed by their content and never cached.
  const compliance = await complianceConsole(browser);
  const served = await compliance.page.request.get(documentUrl);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("image/jpeg");
  expect(served.headers()["cache-control"]).toContain("no-store");
  expect(served.headers()["x-content-type-options"]).toBe("nosniff");

  // Waiting past the one-day target: the queue's age filter finds it and shows it overdue.
  await backdate(submissionId, 30);
  await compliance.page.goto(`${ADMIN_URL}/kyc`);
  await compliance.page.getByLabel("Waiting").selectOption("24h");
  await compliance.page.getByRole("button", { name: "Apply" }).click();
  await expect(compliance.page).toHaveURL(/age=24h/);
  const overdue = compliance.page.getByTestId("kyc-row").filter({
    has: compliance.page.getByRole("link", { name: `Review #${submissionId}`, exact: true }),
  });
  await expect(overdue.getByTestId("kyc-waiting")).toHaveAttribute("data-tone", "overdue");
  await expect(overdue.getByTestId("kyc-waiting")).toHaveText(/^1d 0[56]h$/);
  await snap(compliance.page, "admin-kyc-queue-overdue");

  // A funded trader's profile shows their balances to compliance.
  const trading = await setUpTrading();
  try {
    const funded = await trading.createTrader({ USDT: "2500", BTC: "0.5" });
    await compliance.page.goto(`${ADMIN_URL}/users/${funded.id}`);
    const balances = compliance.page.getByRole("table", { name: "Balances" });
    // At each asset's precision (8 places), grouped in thousands.
    await expect(balances.getByRole("row").filter({ hasText: "USDT" })).toContainText(
      "2,500.00000000",
    );
    await expect(balances.getByRole("row").filter({ hasText: "BTC" })).toContainText("0.50000000");
    await snap(compliance.page, "admin-user-profile-funded");
  } finally {
    await trading.close();
  }
  await compliance.close();
});
