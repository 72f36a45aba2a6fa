import { type APIResponse, expect, type Page, test } from "@playwright/test";
import { E2E_PORTS } from "../../scripts/lib/ports";
import { ADMIN_URL, WEB_URL } from "../fixtures";
import { useOwnClientAddressPerTest } from "./support/client-address";
import { logInTrader, sectionNav, signInStaff } from "./support/sessions";
import { setUpTrading } from "./support/trading-setup";

useOwnClientAddressPerTest(test);

const PAGES = [
  `${WEB_URL}/`,
  `${WEB_URL}/markets`,
  `${WEB_URL}/trade/BTCUSDT`,
  `${WEB_URL}/login`,
  `${WEB_URL}/api/trpc/health`,
  `${ADMIN_URL}/login`,
];

const directive = (policy: string, name: string) =>
  policy
    .split(";")
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `)) ?? "";

function expectSecurityHeaders(response: APIResponse): string {
  const headers = response.headers();
  const policy = headers["content-security-policy"] ?? "";
  const scripts = directive(policy, "script-src");
  expect(scripts).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(scripts).not.toContain("unsafe-inline");
  expect(scripts).not.toContain("unsafe-eval");
  expect(directive(policy, "frame-ancestors")).toBe("frame-ancestors 'none'");
  expect(directive(policy, "object-src")).toBe("object-src 'none'");
  expect(headers["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toBe("camera=(), microphone=(), geolocation=()");
  expect(headers["x-powered-by"]).toBeUndefined();
  return policy;
}

/** Every Content-Security-Policy violation the page reports, and every script error. */
function collectViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) {
      violations.push(message.text());
    }
  });
  page.on("pageerror", (error) => violations.push(error.message));
  return violations;
}

test("[SECURITY] every page and API answer of both apps carries a strict, per-request policy and HSTS", async ({
  request,
}) => {
  for (const url of PAGES) {
    const first = expectSecurityHeaders(await request.get(url));
    const second = expectSecurityHeaders(await request.get(url));
    // A nonce an attacker could learn from one answer must not open the next one.
    expect(directive(first, "script-src"), url).not.toBe(directive(second, "script-src"));
  }
});

test("[SECURITY] the web app's policy lets pages reach the gateway and nothing else", async ({
  request,
}) => {
  const policy = expectSecurityHeaders(await request.get(`${WEB_URL}/markets`));
  expect(directive(policy, "connect-src")).toBe(
    `connect-src 'self' ws://127.0.0.1:${E2E_PORTS.stream}`,
  );
  expect(directive(policy, "default-src")).toBe("default-src 'self'");
});

test("[SECURITY] a trader's trading page runs under the policy: live stream, chart, no violation", async ({
  page,
}) => {
  const setup = await setUpTrading();
  try {
    const trader = await setup.createTrader({ USDT: "100" });
    const violations = collectViolations(page);
    await logInTrader(page, trader);
    await page.goto(`${WEB_URL}/trade/BTCUSDT`);

    await expect(page.getByTestId("stream-status")).toHaveText("Live");
    await expect(page.getByTestId("stream-status")).toHaveAttribute("data-authenticated", "true");
    // The chart draws on canvases lightweight-charts creates and styles inline.
    await expect(page.getByTestId("trading-screen").locator("canvas").first()).toBeVisible();
    await expect(page.getByTestId("order-form")).toBeVisible();
    expect(violations).toEqual([]);
  } finally {
    await setup.close();
  }
});

test("[SECURITY] a two-factor QR code (a data: image) shows under the policy, with no violation", async ({
  page,
}) => {
  const setup = await setUpTrading();
  try {
    const trader = await setup.createTrader({});
    const violations = collectViolations(page);
    await logInTrader(page, trader);
    await page.goto(`${WEB_URL}/account/security`);
    await page.getByRole("button", { name: "Set up two-factor" }).click();

    const qr = page.getByTestId("totp-qr");
    await expect(qr).toBeVisible();
    await expect
      .poll(() => qr.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
      .toBeGreaterThan(0);
    expect(violations).toEqual([]);
  } finally {
    await setup.close();
  }
});

test("[SECURITY] the admin console's pages run under the policy with no violation", async ({
  page,
}) => {
  const violations = collectViolations(page);
  await signInStaff(page, "ADMIN");
  await sectionNav(page).getByRole("link", { name: "Audit" }).click();
  await expect(page.getByRole("heading", { name: "Audit", level: 1 })).toBeVisible();
  expect(violations).toEqual([]);
});

test("[SECURITY] a tRPC batch of more procedures than allowed is refused before any runs", async ({
  request,
}) => {
  const calls = Array.from({ length: 21 }, () => "health").join(",");
  const refused = await request.get(`${WEB_URL}/api/trpc/${calls}?batch=1&input={}`);
  expect(refused.status()).toBe(413);
  expect(await refused.json()).toMatchObject({
    error: { message: "A request may call at most 20 procedures; this one calls 21." },
  });
  const allowed = await request.get(`${WEB_URL}/api/trpc/health,health?batch=1&input={}`);
  expect(allowed.status()).toBe(200);
});
