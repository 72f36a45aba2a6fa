import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { ADMIN_URL, WEB_URL } from "../fixtures";
import { expectAccessible } from "./support/accessibility";
import { useOwnClientAddressPerTest } from "./support/client-address";
import { snap } from "./support/screens";
import { logInTrader, signInStaff } from "./support/sessions";
import { setUpTrading, type TradingSetup } from "./support/trading-setup";

/**
 * [EXPERIENCE] Every page of both apps, in English and in Chinese: axe-core finds no serious or
 * critical violation, the page speaks the chosen language (its <html lang>), and a screenshot
 * of each is kept (test-results/screens/pages) for people to look at.
 */

useOwnClientAddressPerTest(test);

const LANGUAGES = ["en", "zh-CN"] as const;

let trading: TradingSetup;

test.beforeAll(async () => {
  trading = await setUpTrading();
});

test.afterAll(async () => {
  await trading?.close();
});

/** The language cookie the header's switcher writes; logging in reads English labels. */
async function speak(context: BrowserContext, locale: string) {
  await context.addCookies([
    { name: "locale", value: locale, url: WEB_URL },
    { name: "locale", value: locale, url: ADMIN_URL },
  ]);
}

/** Opens a page, lets its first data arrive, and checks it as a user of `locale` would. */
async function visit(page: Page, url: string, locale: string, name: string) {
  await page.goto(url);
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  await expect(page.locator("main").first()).toBeVisible();
  // First data (queries, the stream's snapshot) settles within a moment on a quiet page.
  await page.waitForLoadState("load");
  await page.waitForTimeout(750);
  await expectAccessible(page, `${name} (${locale})`);
  if (locale !== "en") await expectNoEnglish(page, `${name} (${locale})`);
  await snap(page, `pages/${name}.${locale}.${test.info().project.name}`);
}

/**
 * Words a Chinese reader should not meet: English left in the page's own text. Data (emails,
 * names people typed, asset codes and symbols, ids, addresses) and the brand are not words of
 * the app's and are left out; so is what the page marks `translate="no"`, and what it declares
 * English (`lang="en"`: the trading API's reference, written in English as Binance's is).
 */
async function expectNoEnglish(page: Page, context: string) {
  // Every text node on its own (words of neighbouring elements must not run together), except
  // those inside what is not the app's words.
  const text = await page.locator("body").evaluate((body) => {
    const skip = '[translate="no"], [lang="en"], script, style, code, kbd';
    const walker = body.ownerDocument.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
    const parts: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement?.closest(skip)) parts.push(node.nodeValue ?? "");
    }
    return parts.join(" ");
  });
  const words = text
    .replace(/\S+@\S+/g, " ")
    .replace(/\b0x[0-9a-f]+\b/gi, " ")
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, " ")
    .match(/\b[A-Za-z][a-z]{2,}\b/g);
  const english = [...new Set(words ?? [])].filter((word) => !NOT_ENGLISH.has(word));
  expect.soft(english, `English words on ${context}`).toEqual([]);
}

/**
 * Names that stay as they are in Chinese: the brand, each language's own name in the switcher,
 * "Maker" / "Taker" (as Chinese venues write them), the local chain's key (evm-local), browsers
 * and systems.
 */
const NOT_ENGLISH = new Set([
  "Exchange",
  "English",
  "Maker",
  "Taker",
  "evm",
  "local",
  "Chrome",
  "Chromium",
  "Firefox",
  "Safari",
  "Edge",
  "Linux",
  "Windows",
  "Android",
  "macOS",
  "iOS",
  "Google",
  "Authenticator",
  "ccxt",
  "curl",
  "Node",
]);

/** The href of the first link in the page's main content whose address matches `pattern`. */
async function firstLink(page: Page, pattern: RegExp): Promise<string | undefined> {
  const hrefs = await page
    .locator("main a[href]")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  return hrefs.find((href) => pattern.test(href));
}

for (const locale of LANGUAGES) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });

    test(`a visitor's pages @phone`, async ({ page }) => {
      test.setTimeout(120_000);
      await speak(page.context(), locale);
      for (const [path, name] of [
        ["/", "landing"],
        ["/markets", "markets"],
        ["/api-docs", "api-docs"],
        ["/announcements", "announcements"],
        ["/trade/BTCUSDT", "trade-visitor"],
        ["/futures/BTCUSDT-PERP", "futures-visitor"],
        ["/login", "login"],
        ["/register", "register"],
        ["/forgot-password", "forgot-password"],
        ["/reset-password?token=not-a-token", "reset-password"],
        ["/verify-email?token=not-a-token", "verify-email"],
        ["/no-such-page", "not-found"],
      ] as const) {
        await visit(page, `${WEB_URL}${path}`, locale, `web-${name}`);
      }
    });

    test(`a trader's pages @phone`, async ({ page }) => {
      test.setTimeout(150_000);
      const trader = await trading.createTrader({ USDT: "25000.5", BTC: "0.12345678" });
      await speak(page.context(), "en");
      await logInTrader(page, trader);
      await speak(page.context(), locale);
      for (const [path, name] of [
        ["/trade/BTCUSDT", "trade"],
        ["/futures/BTCUSDT-PERP", "futures"],
        ["/wallet", "wallet"],
        ["/wallet/deposit", "deposit"],
        ["/wallet/withdraw", "withdraw"],
        ["/earn", "earn"],
        ["/loans", "loans"],
        ["/account/security", "security"],
        ["/account/api-keys", "api-keys"],
        ["/account/verification", "verification"],
        ["/account/fees", "fees"],
        ["/notifications", "notifications"],
      ] as const) {
        await visit(page, `${WEB_URL}${path}`, locale, `web-${name}`);
      }
      await page.goto(`${WEB_URL}/earn`);
      const offer = await firstLink(page, /^\/earn\/[^/?]+$/);
      if (offer) await visit(page, `${WEB_URL}${offer}`, locale, "web-earn-offer");
    });

    // The console in two halves, each within its own time: every page runs the accessibility
    // audit, and one test for all of them came near its limit on a busy machine.
    const consoleHalves = {
      "people and money": [
        "/",
        "/kyc",
        "/users",
        "/withdrawals",
        "/deposits",
        "/treasury",
        "/reconciliation",
        "/audit",
        "/staff",
      ],
      "products and operations": [
        "/products",
        "/products/subscriptions",
        "/products/payouts",
        "/products/loans",
        "/products/loan-book",
        "/products/loan-pool",
        "/markets",
        "/risk",
        "/risk/liquidations",
        "/risk/insurance",
        "/risk/funding",
        "/fees",
        "/fee-income",
        "/announcements",
        "/system",
      ],
    };
    for (const [half, sections] of Object.entries(consoleHalves)) {
      test(`the console's pages: ${half}`, async ({ page }) => {
        test.setTimeout(180_000);
        await speak(page.context(), "en");
        await signInStaff(page, "ADMIN");
        await speak(page.context(), locale);
        for (const path of sections) {
          const name =
            path === "/" ? "admin-dashboard" : `admin-${path.slice(1).replaceAll("/", "-")}`;
          await visit(page, `${ADMIN_URL}${path}`, locale, name);
          if (path === "/") continue;
          // One detail page of each list that has rows: a review, a profile, a product…
          const detail = await firstLink(
            page,
            new RegExp(
              `^${path}/(?!subscriptions$|payouts$|loans$|loan-book$|loan-pool$|liquidations$|insurance$|funding$)[^/?]+$`,
            ),
          );
          if (detail) await visit(page, `${ADMIN_URL}${detail}`, locale, `${name}-detail`);
        }
      });
    }
  });
}

test("the console's log-in page, in both languages", async ({ browser }) => {
  for (const locale of LANGUAGES) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await visit(page, `${ADMIN_URL}/login`, locale, "admin-login");
    await context.close();
  }
});
