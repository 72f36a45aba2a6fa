import { expect, type Locator, type Page, test } from "@playwright/test";
import { ADMIN_URL, SEED_TRADERS, uniqueEmail, WEB_URL } from "../fixtures";
import { expectAccessible } from "./support/accessibility";
import { useOwnClientAddressPerTest } from "./support/client-address";
import { latestMailTo, linkIn } from "./support/mail";
import { submitWebLogIn } from "./support/sessions";

const GOOD_PASSWORD = "correct-horse-42";

useOwnClientAddressPerTest(test);

/** A touch target a thumb can hit: at least 40 × 40 px as laid out. */
async function expectThumbSized(target: Locator) {
  const box = await target.boundingBox();
  expect(box, "the target is laid out").not.toBeNull();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(40);
  expect(box?.width ?? 0).toBeGreaterThanOrEqual(40);
}

test.describe("in Chinese", () => {
  // The browser asks for Chinese (Accept-Language and navigator.language), as a newcomer's would.
  test.use({ locale: "zh-CN" });

  test("[AUTH] a trader registers in Chinese, is mailed in Chinese, verifies and logs in, and is shown how to fund the account", async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const email = uniqueEmail("zh");
    await page.goto(`${WEB_URL}/register`);
    await expect(page.getByRole("heading", { name: "注册账户" })).toBeVisible();
    await expect(page).toHaveTitle(/注册账户/);
    await expectAccessible(page, "register (zh-CN)");

    // The API's password rule, in Chinese, naming the rule that failed.
    await page.getByLabel("邮箱").fill(email);
    await page.getByLabel("密码").fill("short1");
    await page.getByRole("button", { name: "注册" }).click();
    await expect(page.getByText("至少使用 10 个字符。")).toBeVisible();

    await page.getByLabel("密码").fill(GOOD_PASSWORD);
    await page.getByRole("button", { name: "注册" }).click();
    await expect(page.getByRole("heading", { name: "请查收邮件" })).toBeVisible();
    await expect(page.getByTestId("sent-to")).toHaveText(email);
    await expectAccessible(page, "check your email (zh-CN)");

    // The account keeps the page's language: its verification mail is Chinese.
    const mail = await latestMailTo(email, { timeoutMs: 15_000 });
    expect(mail.subject).toBe("验证您在 Exchange 的邮箱");
    expect(mail.text).toContain("请确认此邮箱属于您");
    expect(mail.text).not.toContain("Verify your email");

    await page.goto(linkIn(mail, "/verify-email").toString());
    await expect(page.getByRole("heading", { name: "邮箱已验证" })).toBeVisible();
    await expectAccessible(page, "email verified (zh-CN)");
    await page.getByRole("main").getByRole("link", { name: "登录", exact: true }).click();
    await expect(page.getByTestId("form-notice")).toContainText("您的邮箱已验证");
    await expectAccessible(page, "log in (zh-CN)");

    await page.getByLabel("邮箱").fill(email);
    await page.getByLabel("密码", { exact: true }).fill(GOOD_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).not.toHaveURL(/\/login/);

    // Verification: what the account can do with money now, and the way to the wallet.
    await page.goto(`${WEB_URL}/account/verification`);
    await expect(page.getByRole("heading", { name: "身份认证", level: 1 })).toBeVisible();
    const funding = page.getByTestId("funding-hint");
    await expect(funding).toContainText("您现在即可充值");
    await expect(funding.getByRole("link", { name: "充值" })).toHaveAttribute(
      "href",
      "/wallet/deposit",
    );
    await expect(funding.getByRole("link", { name: "前往钱包" })).toHaveAttribute(
      "href",
      "/wallet",
    );
    await expect(page.getByLabel("法定全名")).toBeVisible();
    await expect(page.getByRole("button", { name: "提交审核" })).toBeVisible();
    await expectAccessible(page, "identity verification (zh-CN)");
  });

  test("[AUTH] a wrong password is refused in Chinese", async ({ page }) => {
    await submitChineseLogIn(page, {
      email: SEED_TRADERS[0].email,
      password: "not-the-password-9",
    });
    await expect(page.getByTestId("form-error")).toHaveText("邮箱或密码不正确。");
    await expect(page.getByTestId("account-email")).toHaveCount(0);
  });
});

async function submitChineseLogIn(page: Page, credentials: { email: string; password: string }) {
  await page.goto(`${WEB_URL}/login`);
  await page.getByLabel("邮箱").fill(credentials.email);
  await page.getByLabel("密码", { exact: true }).fill(credentials.password);
  await page.getByRole("button", { name: "登录" }).click();
}

test("[AUTH] the log-in, registration, password and verification pages and the staff log-in pass axe", async ({
  page,
}) => {
  const pages: Array<[string, string]> = [
    [`${WEB_URL}/login`, "Log in"],
    [`${WEB_URL}/register`, "Create your account"],
    [`${WEB_URL}/forgot-password`, "Reset your password"],
    [`${WEB_URL}/reset-password?token=${"A".repeat(43)}`, "Choose a new password"],
    [`${WEB_URL}/verify-email?token=not-a-token`, "We could not verify your email"],
    [`${ADMIN_URL}/login`, "Staff log-in"],
  ];
  for (const [url, heading] of pages) {
    await page.goto(url);
    await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
    await expectAccessible(page, url);
  }
  // A form's errors are announced and still pass.
  await page.goto(`${WEB_URL}/register`);
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expectAccessible(page, "register with errors");
});

test("[AUTH] @phone a trader logs in at phone size, with thumb-sized controls", async ({
  page,
}) => {
  const trader = SEED_TRADERS[0];
  await page.goto(`${WEB_URL}/login`);
  await expect(page.getByRole("heading", { name: "Log in", level: 1 })).toBeVisible();
  const main = page.getByRole("main");
  await expectThumbSized(main.getByLabel("Email"));
  await expectThumbSized(main.getByLabel("Password", { exact: true }));
  await expectThumbSized(main.getByRole("button", { name: "Log in" }));
  await expectThumbSized(main.getByRole("link", { name: "Forgot password?" }));
  await expectThumbSized(main.getByRole("link", { name: "Create an account" }));
  // Nothing wider than the screen: no sideways scrolling on a phone.
  const overflow = Number(
    await page.evaluate(
      "document.documentElement.scrollWidth - document.documentElement.clientWidth",
    ),
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page, "log in (phone)");

  await submitWebLogIn(page, trader);
  await expect(page).not.toHaveURL(/\/login/);
  // Signed in: the verification page opens (it sends strangers to the log-in) and fits.
  await page.goto(`${WEB_URL}/account/verification`);
  await expect(
    page.getByRole("heading", { name: "Identity verification", level: 1 }),
  ).toBeVisible();
  await expectThumbSized(page.getByTestId("funding-hint").getByRole("link").first());
  await expectAccessible(page, "identity verification (phone)");
});
