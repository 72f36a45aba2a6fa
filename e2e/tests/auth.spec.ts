import { expect, type Page, test } from "@playwright/test";
import { SEED_TRADERS, uniqueEmail, WEB_URL } from "../fixtures";
import { useOwnClientAddressPerTest } from "./support/client-address";
import { latestMailTo, linkIn, mailsTo } from "./support/mail";
import { enrolOnPage, logInTrader, submitWebLogIn } from "./support/sessions";
import { nextTotpCode } from "./support/totp";

const GOOD_PASSWORD = "correct-horse-42";

useOwnClientAddressPerTest(test);

/** Registers through the form and lands on "check your email". */
async function registerThroughForm(page: Page, email: string, password = GOOD_PASSWORD) {
  await page.goto(`${WEB_URL}/register`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.getByTestId("sent-to")).toHaveText(email);
}

/** Opens the verification link from the mail sink, as the person would from their inbox. */
async function followVerificationMail(page: Page, email: string) {
  const mail = await latestMailTo(email, { subject: /Verify your email/ });
  await page.goto(linkIn(mail, "/verify-email").toString());
  await expect(page.getByRole("heading", { name: "Email verified" })).toBeVisible();
}

test("[AUTH] a trader registers, verifies by email, logs in, enrols two-factor, logs in again with a code, and turns it off with password and code", async ({
  page,
}) => {
  // Registration, mail, log-ins, enrolment and removal of two-factor: a long journey.
  test.setTimeout(60_000);
  const email = uniqueEmail("journey");
  await registerThroughForm(page, email);
  // Not signed in yet: the account opens with the emailed link.
  await expect(page.getByTestId("account-email")).toHaveCount(0);

  await followVerificationMail(page, email);
  await page.getByRole("main").getByRole("link", { name: "Log in", exact: true }).click();
  await expect(page.getByTestId("form-notice")).toContainText("Your email is verified");
  await logInTrader(page, { email, password: GOOD_PASSWORD });
  await expect(page).toHaveURL(`${WEB_URL}/markets`);
  const markets = page.getByTestId("market-row");
  await expect(markets.getByRole("rowheader", { name: "BTC/USDT" })).toBeVisible();

  // Two-factor from the security page: QR and key, a code from the "app", recovery codes.
  await page.getByRole("link", { name: "Security" }).click();
  await expect(page.getByRole("heading", { name: "Security", level: 1 })).toBeVisible();
  await expect(page.getByTestId("two-factor-status")).toHaveText("Off");
  await page.getByRole("button", { name: "Set up two-factor" }).click();
  const secret = await enrolOnPage(page, "Turn on two-factor");
  await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  const recoveryCode = await page
    .getByTestId("recovery-codes")
    .getByRole("listitem")
    .first()
    .textContent();
  await page.getByRole("button", { name: "I have saved my recovery codes" }).click();
  await expect(page.getByTestId("two-factor-status")).toHaveText("On");
  await expect(page.getByTestId("recovery-codes-left")).toHaveText("10 of 10");

  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();

  // The password alone no longer opens the account: a wrong code is refused, a right one works.
  await submitWebLogIn(page, { email, password: GOOD_PASSWORD });
  await expect(page.getByRole("heading", { name: "Two-factor authentication" })).toBeVisible();
  await page.getByLabel("Authentication code").fill("000000");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByTestId("form-error")).toContainText("That code is not right");
  await expect(page.getByTestId("account-email")).toHaveCount(0);
  await page.getByLabel("Authentication code").fill(await nextTotpCode(secret));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(`${WEB_URL}/markets`);
  await expect(page.getByTestId("account-email")).toContainText(email);

  // Turning it off asks for the password as well as a code: a session alone cannot.
  await page.getByRole("link", { name: "Security" }).click();
  const turnOff = page.getByRole("form", { name: "Turn off two-factor" });
  await turnOff.getByLabel("Code from your app, or a recovery code").fill("123456");
  await turnOff.getByRole("button", { name: "Turn off two-factor" }).click();
  await expect(turnOff.getByLabel("Password")).toHaveAccessibleDescription("Enter your password.");
  await turnOff.getByLabel("Password").fill("not-the-password-1");
  await turnOff.getByRole("button", { name: "Turn off two-factor" }).click();
  await expect(turnOff.getByLabel("Password")).toHaveAccessibleDescription(
    "That password is not right.",
  );
  await expect(page.getByTestId("two-factor-status")).toHaveText("On");
  // A recovery code stands in for the app's (whose next code is seconds away).
  await turnOff.getByLabel("Password").fill(GOOD_PASSWORD);
  await turnOff
    .getByLabel("Code from your app, or a recovery code")
    .fill(recoveryCode?.trim() ?? "");
  await turnOff.getByRole("button", { name: "Turn off two-factor" }).click();
  await expect(page.getByTestId("two-factor-status")).toHaveText("Off");
});

test("[AUTH] log-in before verification is refused and offers to resend the link", async ({
  page,
}) => {
  const email = uniqueEmail("unverified");
  await registerThroughForm(page, email);

  await submitWebLogIn(page, { email, password: GOOD_PASSWORD });
  await expect(page.getByTestId("form-error")).toHaveText(
    "Please verify your email first: follow the link we sent you.",
  );
  await expect(page.getByTestId("account-email")).toHaveCount(0);
  await page.getByRole("button", { name: "Resend verification email" }).click();
  await expect(page.getByTestId("form-notice")).toContainText("a new link is on its way");
  await expect.poll(async () => (await mailsTo(email)).length).toBe(2);

  // Straight away again: the cooldown answers, and no third mail goes out.
  await submitWebLogIn(page, { email, password: GOOD_PASSWORD });
  await page.getByRole("button", { name: "Resend verification email" }).click();
  await expect(page.getByTestId("resend-verification").getByTestId("form-error")).toContainText(
    /We just sent you an email\. Please try again in (\d+ seconds|1 minute)\./,
  );
  expect((await mailsTo(email)).length).toBe(2);

  // The newest link works; a used link then says it was already verified.
  const newest = await latestMailTo(email);
  await page.goto(linkIn(newest, "/verify-email").toString());
  await expect(page.getByRole("heading", { name: "Email verified" })).toBeVisible();
  await page.goto(linkIn(newest, "/verify-email").toString());
  await expect(page.getByTestId("form-notice")).toContainText("was already verified");
  await logInTrader(page, { email, password: GOOD_PASSWORD });
});

test("[AUTH] a broken verification link is explained and offers a new one", async ({ page }) => {
  await page.goto(`${WEB_URL}/verify-email?token=${"x".repeat(43)}`);
  await expect(page.getByRole("heading", { name: "We could not verify your email" })).toBeVisible();
  await expect(page.getByTestId("form-error")).toContainText("This link is not valid");
  await expect(page.getByRole("button", { name: "Send a new link" })).toBeVisible();
});

test("[AUTH] a forgotten password is reset by email, once", async ({ page }) => {
  const email = uniqueEmail("reset");
  await registerThroughForm(page, email);
  await followVerificationMail(page, email);

  await page.goto(`${WEB_URL}/login`);
  await page.getByRole("link", { name: "Forgot password?" }).click();
  // The log-in page has an Email field too: fill only once the reset page has replaced it.
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByTestId("form-notice")).toContainText(`If an account exists for ${email}`);

  const link = linkIn(await latestMailTo(email, { subject: /Reset your/ }), "/reset-password");
  await page.goto(link.toString());
  await page.getByLabel("New password", { exact: true }).fill("brand-new-pass-9");
  await page.getByLabel("Confirm new password").fill("brand-new-pass-9");
  await page.getByRole("button", { name: "Save new password" }).click();
  await expect(page).toHaveURL(`${WEB_URL}/login?notice=password-reset`);
  await expect(page.getByTestId("form-notice")).toContainText("Your password has been changed");

  await submitWebLogIn(page, { email, password: GOOD_PASSWORD });
  await expect(page.getByTestId("form-error")).toHaveText("Incorrect email or password.");
  await logInTrader(page, { email, password: "brand-new-pass-9" });

  // The link is spent.
  await page.goto(link.toString());
  await page.getByLabel("New password", { exact: true }).fill("third-pass-word-1");
  await page.getByLabel("Confirm new password").fill("third-pass-word-1");
  await page.getByRole("button", { name: "Save new password" }).click();
  await expect(page.getByTestId("form-error")).toContainText("This link has already been used.");
});

test("[AUTH] a wrong password is refused with an error that does not say which part was wrong", async ({
  page,
}) => {
  const [trader] = SEED_TRADERS;

  await submitWebLogIn(page, { email: trader.email, password: "not-the-password-1" });
  await expect(page.getByTestId("form-error")).toHaveText("Incorrect email or password.");
  await expect(page).toHaveURL(`${WEB_URL}/login`);
  await expect(page.getByTestId("account-email")).toHaveCount(0);

  // An unknown email gets exactly the same answer, so accounts cannot be discovered this way.
  await submitWebLogIn(page, { email: uniqueEmail("nobody"), password: "not-the-password-1" });
  await expect(page.getByTestId("form-error")).toHaveText("Incorrect email or password.");
});

test("[AUTH] ten failed log-ins lock the account with a clear wait, even for the right password", async ({
  page,
}) => {
  test.setTimeout(60_000);
  const email = uniqueEmail("locked");
  await registerThroughForm(page, email);
  await followVerificationMail(page, email);
  for (let attempt = 0; attempt < 10; attempt++) {
    await submitWebLogIn(page, { email, password: "not-the-password-1" });
    await expect(page.getByTestId("form-error")).toHaveText("Incorrect email or password.");
  }
  await submitWebLogIn(page, { email, password: GOOD_PASSWORD });
  await expect(page.getByTestId("form-error")).toHaveText(
    "Too many failed log-in attempts. Please try again in 15 minutes.",
  );
  await expect(page.getByTestId("account-email")).toHaveCount(0);
});

test("[AUTH] the seeded trader logs in and out", async ({ page }) => {
  const [trader] = SEED_TRADERS;
  await logInTrader(page, trader);
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();
  await expect(page.getByTestId("account-email")).toHaveCount(0);
  // The session is really gone: the log-in page no longer sends this browser onwards.
  await page.goto(`${WEB_URL}/login`);
  await expect(page.getByRole("heading", { name: "Log in" })).toBeVisible();
});

test("[AUTH] registering an email that already has an account reveals nothing: the same page, and the owner is mailed", async ({
  page,
}) => {
  const [trader] = SEED_TRADERS;

  await page.goto(`${WEB_URL}/register`);
  // Different case and spacing: the server compares normalised emails.
  await page.getByLabel("Email").fill(` ${trader.email.toUpperCase()} `);
  await page.getByLabel("Password").fill(GOOD_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();

  // The same answer as for a new address…
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.getByTestId("account-email")).toHaveCount(0);
  // …and the mailbox's owner learns that someone tried, with a way back in.
  const mail = await latestMailTo(trader.email, { subject: /Your Exchange account/ });
  expect(linkIn(mail, "/reset-password").searchParams.get("token")).toBeTruthy();
});

test("[AUTH] a copied session cookie stops working once its session logs out", async ({
  page,
  browser,
}) => {
  const [trader] = SEED_TRADERS;
  await logInTrader(page, trader);
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.endsWith("session-token"))).toBe(true);
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();

  // Someone who copied the cookie before the log-out replays it in another browser.
  const thief = await browser.newContext();
  await thief.addCookies(cookies);
  const stolen = await thief.newPage();
  await stolen.goto(`${WEB_URL}/`);
  // The front page also invites a visitor to log in: the header's link is the signed-out sign.
  await expect(stolen.getByRole("banner").getByRole("link", { name: "Log in" })).toBeVisible();
  await expect(stolen.getByTestId("account-email")).toHaveCount(0);
  const me = await stolen.request.get(`${WEB_URL}/api/trpc/me.profile`);
  expect(me.status()).toBe(401);
  await thief.close();
});

test("[AUTH] a malformed email and a weak password get field errors", async ({ page }) => {
  await page.goto(`${WEB_URL}/register`);
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByLabel("Email")).toHaveAccessibleDescription(
    "Enter a valid email address.",
  );
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription(
    /Use at least 10 characters\./,
  );
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");

  // Long enough but all letters: the digit rule speaks, and the fixed email's error is gone.
  await page.getByLabel("Email").fill(uniqueEmail("weak"));
  await page.getByLabel("Password").fill("onlyletterspassword");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription(
    "Include at least one digit.",
  );
  await expect(page.getByLabel("Email")).not.toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(`${WEB_URL}/register`);
});

test("[AUTH] the API refuses a malformed registration with field errors, whatever the form did", async ({
  request,
}) => {
  const response = await request.post(`${WEB_URL}/api/trpc/auth.register`, {
    data: { json: { email: "not-an-email", password: "short" } },
  });
  expect(response.status()).toBe(400);
  const body = await response.json();
  expect(body.error.json.data.appCode).toBe("INVALID_INPUT");
  expect(body.error.json.data.fieldErrors.email).toContain("Enter a valid email address.");
  expect(body.error.json.data.fieldErrors.password).toContain("Use at least 10 characters.");
});
