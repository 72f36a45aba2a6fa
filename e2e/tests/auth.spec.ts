import { expect, test } from "@playwright/test";
import { SEED_TRADERS, uniqueEmail, WEB_URL } from "../fixtures";
import { submitWebLogIn } from "./support/sessions";

const GOOD_PASSWORD = "correct-horse-42";

test("[AUTH] a trader registers, logs in, sees both markets, logs out", async ({ page }) => {
  const email = uniqueEmail("journey");

  await page.goto(`${WEB_URL}/register`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(GOOD_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();

  // Registration logs the new trader in and lands on the markets.
  await expect(page).toHaveURL(`${WEB_URL}/markets`);
  await expect(page.getByTestId("account-email")).toContainText(email);
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();
  await expect(page.getByTestId("account-email")).toHaveCount(0);

  await submitWebLogIn(page, { email, password: GOOD_PASSWORD });
  await expect(page).toHaveURL(`${WEB_URL}/markets`);
  await expect(page.getByTestId("account-email")).toContainText(email);
  const markets = page.getByTestId("market-row");
  await expect(markets.getByRole("rowheader", { name: "BTC/USDT" })).toBeVisible();
  await expect(markets.getByRole("rowheader", { name: "ETH/USDT" })).toBeVisible();
  await expect(markets.first()).toContainText("Trading");

  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();
  await expect(page.getByTestId("account-email")).toHaveCount(0);
  // The session is really gone: the log-in page no longer sends this browser onwards.
  await page.goto(`${WEB_URL}/login`);
  await expect(page.getByRole("heading", { name: "Log in" })).toBeVisible();
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

test("[AUTH] registering an email that already has an account is refused on the email field", async ({
  page,
}) => {
  const [trader] = SEED_TRADERS;

  await page.goto(`${WEB_URL}/register`);
  // Different case and spacing: the server compares normalised emails.
  await page.getByLabel("Email").fill(` ${trader.email.toUpperCase()} `);
  await page.getByLabel("Password").fill(GOOD_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByLabel("Email")).toHaveAccessibleDescription(
    "This email is already registered.",
  );
  await expect(page).toHaveURL(`${WEB_URL}/register`);
  await expect(page.getByTestId("account-email")).toHaveCount(0);
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
