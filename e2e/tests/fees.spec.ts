import { expect, test } from "@playwright/test";
import pg from "pg";
import { ADMIN_URL, WEB_URL } from "../fixtures";
import { useOwnClientAddressPerTest } from "./support/client-address";
import { snap } from "./support/screens";
import { signInStaff, submitWebLogIn } from "./support/sessions";
import { setUpTrading, type TradingSetup } from "./support/trading-setup";

/**
 * [FEES] Operations create a rebate tier and put a trader in it by hand; the trader sees the
 * tier and its rates on their Fees page, and a maker fill pays them the rebate (in the coin the
 * taker paid its fee in) in their trade history; finance's fee-income report shows the fees and the rebate of the day. A coin and
 * market of its own per run, so the fill meets no other journey's orders.
 */

useOwnClientAddressPerTest(test);
test.describe.configure({ mode: "serial" });

const COIN = `F${Date.now().toString(36).toUpperCase().slice(-6)}`;
const SYMBOL = `${COIN}USDT`;
/** A tier number well above what other journeys would use. */
const TIER = 9;

let setup: TradingSetup | undefined;

test.afterAll(async () => {
  await setup?.close();
});

/** The coin and its USDT market as reference data (the set-up sends them to the engine). */
async function listMarket() {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`INSERT INTO assets (code, name, precision) VALUES ($1, $2, 8)`, [
      COIN,
      "Fee journey coin",
    ]);
    await client.query(
      `INSERT INTO markets (symbol, base_asset, quote_asset, price_tick, lot_size, min_qty,
         max_qty, max_price, min_notional, max_notional, maker_fee_rate, taker_fee_rate,
         status, sort_order, updated_at)
       VALUES ($1, $2, 'USDT', 0.01, 0.01, 0.01, 1000, 100000, 1, 1000000, 0.001, 0.001,
         'TRADING', 90, now())`,
      [SYMBOL, COIN],
    );
  } finally {
    await client.end();
  }
}

test("[FEES] operations override a trader's tier, the trader sees it and is paid a maker rebate, and the report shows the income", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  await listMarket();
  setup = await setUpTrading();
  const alice = await setup.createTrader({ [COIN]: "10" });
  const bob = await setup.createTrader({ USDT: "1000" });

  // Operations: a tier that pays makers a quarter of the market maker rate.
  const admin = await (await browser.newContext()).newPage();
  await signInStaff(admin, "OPERATIONS");
  await admin.goto(`${ADMIN_URL}/fees`);
  const tierForm = admin.getByRole("form", { name: "Create or change a tier" });
  await tierForm.getByLabel("Tier number").fill(String(TIER));
  await tierForm.getByLabel("30-day volume from (USDT)").fill("900000000");
  // A rebate larger than any taker pays is refused beside the field, nothing changed.
  await tierForm.getByLabel("Maker, % of market rate").fill("-100");
  await tierForm.getByLabel("Taker, % of market rate").fill("50");
  await tierForm.getByRole("button", { name: "Save tier" }).click();
  await expect(
    tierForm.getByText(/a maker rebate would exceed the lowest taker fee/).first(),
  ).toBeVisible();
  await tierForm.getByLabel("Maker, % of market rate").fill("-25");
  await tierForm.getByRole("button", { name: "Save tier" }).click();
  await expect(tierForm.getByRole("status")).toHaveText(`Tier ${TIER} saved.`);
  await expect(admin.getByTestId("fee-tier-row").filter({ hasText: `Tier ${TIER}` })).toContainText(
    "-25 %",
  );

  const overrideForm = admin.getByRole("form", { name: "Override a trader's tier" });
  await overrideForm.getByLabel("User id").fill(String(alice.id));
  await overrideForm.getByLabel("Tier").selectOption(String(TIER));
  await overrideForm.getByLabel("Reason").fill("Market maker programme.");
  await overrideForm.getByRole("button", { name: "Override tier" }).click();
  await expect(overrideForm.getByRole("status")).toHaveText("Override saved.");
  await expect(admin.getByTestId("fee-user-row").filter({ hasText: alice.email })).toContainText(
    `Tier ${TIER}: Market maker programme.`,
  );
  await snap(admin, "admin-fees-desktop");

  // The trader sees the tier and the rebate on their Fees page.
  const trader = await (await browser.newContext()).newPage();
  await submitWebLogIn(trader, alice);
  await expect(trader.getByTestId("account-email")).toBeVisible();
  await trader.getByRole("link", { name: "Fees", exact: true }).first().click();
  await expect(trader.getByTestId("fee-tier")).toContainText(`Tier ${TIER}`);
  await expect(trader.getByTestId("fee-tier")).toContainText("set by the exchange");
  await expect(
    trader.getByTestId("fee-rates").getByRole("row", { name: new RegExp(SYMBOL) }),
  ).toContainText("0.025 % rebate");
  await snap(trader, "web-fees-desktop");
  await trader.setViewportSize({ width: 390, height: 844 });
  await snap(trader, "web-fees-phone");
  await trader.setViewportSize({ width: 1440, height: 900 });

  // Alice rests a sell of 1 coin at 100 USDT, Bob takes it and pays 0.001 coin as taker: Alice
  // is paid a quarter of the 0.1 % maker rate out of it, 0.00025 coin.
  await setup.placeLimitOrder(alice, { symbol: SYMBOL, side: "sell", price: "100", quantity: "1" });
  await setup.placeLimitOrder(bob, {
    symbol: SYMBOL,
    side: "buy",
    price: "100",
    quantity: "1",
    ioc: true,
  });
  await trader.goto(`${WEB_URL}/trade/${SYMBOL}`);
  const panel = trader.getByTestId("account-panel");
  await panel.getByRole("tab", { name: /Trade history/ }).click();
  const fill = panel.getByTestId("my-trade").first();
  await expect(fill).toContainText(`-0.00025 ${COIN}`, { timeout: 15_000 });
  await expect(fill).toContainText("Maker");

  // Finance's report: the taker's fee and the maker's rebate, both in the coin.
  const finance = await (await browser.newContext()).newPage();
  await signInStaff(finance, "FINANCE");
  await finance.goto(`${ADMIN_URL}/fee-income`);
  const rows = finance.getByTestId("fee-income-row").filter({ hasText: SYMBOL });
  // The coin: Bob's taker fee, 0.1 % of 1; Alice's rebate of 0.00025; net 0.00075.
  const coinRow = rows.filter({ hasText: "0.00025" });
  await expect(coinRow).toHaveCount(1);
  await expect(coinRow).toContainText("0.001");
  await expect(coinRow).toContainText("0.00075");
  await snap(finance, "admin-fee-income-desktop");
  await finance.setViewportSize({ width: 390, height: 844 });
  await snap(finance, "admin-fee-income-phone");
  await admin.setViewportSize({ width: 390, height: 844 });
  await snap(admin, "admin-fees-phone");
});
