import { type Browser, expect, type Page, test } from "@playwright/test";
import { ADMIN_URL, WEB_URL } from "../fixtures";
import { snapBothSizes } from "./support/screens";
import { signInStaff, submitWebLogIn } from "./support/sessions";
import { setUpTrading, type TestTrader, type TradingSetup } from "./support/trading-setup";

/**
 * Compliance restricts a trader who has the trade page open: the freeze shows on the trader's
 * page without a reload (the next order is refused with the reason to contact support, the
 * banner appears, an open order can still be cancelled), the admin timeline records it, and a
 * log-in suspension then cuts the trader's open session. BTC/USDT at a price far from the other
 * journeys', and the one resting order is cancelled within the journey.
 */
const TRADE_URL = `${WEB_URL}/trade/BTCUSDT`;

let setup: TradingSetup;

test.afterAll(async () => {
  await setup?.close();
});

async function openTradePage(browser: Browser, trader: TestTrader): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await submitWebLogIn(page, trader);
  await expect(page.getByTestId("account-email")).toBeVisible();
  await page.goto(TRADE_URL);
  await expect(page.getByTestId("stream-status")).toHaveAttribute("data-authenticated", "true");
  return page;
}

const form = (page: Page) => page.getByTestId("order-form");

async function placeBuy(page: Page) {
  const f = form(page);
  await f.getByRole("button", { name: "Buy", exact: true }).click();
  await f.getByRole("button", { name: "Limit", exact: true }).click();
  await f.getByRole("textbox", { name: "Price", exact: true }).fill("1111.11");
  await f.getByRole("textbox", { name: "Amount", exact: true }).fill("0.01");
  await f.getByRole("button", { name: "Buy BTC" }).click();
}

async function changeRestriction(admin: Page, formName: string, reason: string) {
  const change = admin.getByRole("form", { name: formName });
  await change.getByLabel("Reason").fill(reason);
  await change.getByRole("button", { name: formName }).click();
}

test("[ADMIN] compliance freezes trading of a trader whose trade page is open, then suspends log-in and the open session is cut", async ({
  page: admin,
  browser,
}) => {
  test.setTimeout(120_000);
  setup = await setUpTrading();
  const trader = await setup.createTrader({ USDT: "1000" });
  const traderPage = await openTradePage(browser, trader);
  await placeBuy(traderPage);
  await expect(
    traderPage.getByTestId("toast").filter({ hasText: "Buy limit order placed" }),
  ).toBeVisible();
  await expect(traderPage.getByTestId("restriction-notice-trading")).toHaveCount(0);

  await signInStaff(admin, "COMPLIANCE");
  await admin.goto(`${ADMIN_URL}/users/${trader.id}`);
  await changeRestriction(admin, "Freeze trading", "Unusual trading pattern under review.");
  await expect(admin.getByTestId("restriction-TRADING")).toContainText("In force");
  await expect(admin.getByTestId("restriction-TRADING")).toContainText(
    "Unusual trading pattern under review.",
  );

  // The trader's page, not reloaded: the next order is refused and the banner shows.
  await placeBuy(traderPage);
  await expect(form(traderPage).getByTestId("form-error")).toHaveText(
    "Trading is restricted on this account. Please contact support.",
  );
  const banner = traderPage.getByTestId("restriction-notice-trading");
  await expect(banner).toContainText("Trading is restricted on this account");
  await expect(banner).toContainText("You can still cancel open orders.");
  await snapBothSizes(traderPage, "trade-restricted");

  // A frozen trader may still reduce risk.
  const account = traderPage.getByTestId("account-panel");
  await account.getByRole("tab", { name: /Open orders/ }).click();
  const open = account.getByTestId("open-order").filter({ hasText: "1,111.11" });
  await open.getByRole("button", { name: /Cancel order/ }).click();
  await expect(
    traderPage.getByTestId("toast").filter({ hasText: "Order cancelled" }),
  ).toBeVisible();
  await expect(open).toHaveCount(0);

  // The admin timeline has the staff action, and the filter narrows to it.
  await admin.reload();
  await admin.getByLabel("Show").selectOption({ label: "Staff actions" });
  const entries = admin.getByTestId("timeline-entry");
  await expect(entries.first()).toContainText("user.restricted");
  await expect(entries.first()).toContainText("Unusual trading pattern under review.");
  await snapBothSizes(admin, "admin-user-restricted");

  // Log-in suspended: the trader's open page loses its session without a reload.
  const suspend = admin.getByRole("form", { name: "Suspend account" });
  await suspend.getByLabel("Reason for suspending").fill("Account takeover reported.");
  await suspend.getByRole("button", { name: "Suspend account" }).click();
  await expect(admin.getByTestId("restriction-LOGIN")).toContainText("Account takeover reported.");
  await expect(traderPage.getByTestId("stream-status")).toHaveAttribute(
    "data-authenticated",
    "false",
  );
  await placeBuy(traderPage);
  await expect(form(traderPage).getByTestId("form-error")).toHaveText(
    "Your session has ended. Log in again to trade.",
  );
  await traderPage.context().close();
});
