import { randomBytes } from "node:crypto";
import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import pg from "pg";
import { ADMIN_URL, WEB_URL } from "../fixtures";
import { expectAccessible } from "./support/accessibility";
import { logInTrader, signInStaff } from "./support/sessions";
import { setUpTrading, type TestTrader } from "./support/trading-setup";

/**
 * [ADMIN] The console's money sections (withdrawals, deposits, hot wallet, reconciliation,
 * savings products) as Chinese-reading staff in Shanghai see them: Chinese headings, times in
 * their zone with the zone named, every decimal of an amount kept, no serious accessibility
 * violation, and the finance queues' columns all on screen at 1440 px.
 */

test.use({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 1440, height: 900 } });

/** Withdrawn to a fresh address, so finance must approve it: it waits in the queue. */
const WITHDRAWAL = { amount: "1234.567891", shown: "1,234.567891" };
/** A deposit under ETH's minimum, to the engine's 8 decimals: never credited, only listed. */
const DEPOSIT = { atoms: "98765", shown: "0.00098765" };

let trader: TestTrader;
let withdrawalId: string;

const hex = (bytes: number) => `0x${randomBytes(bytes).toString("hex")}`;

async function sql(text: string, values: unknown[]): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

test.beforeAll(async ({ browser }) => {
  // A funded trader, a withdrawal through the web form and a deposit row: more than the default
  // 30 s on a busy machine.
  test.setTimeout(120_000);
  const setup = await setUpTrading();
  trader = await setup.createTrader({ USDT: "5000" });
  await setup.close();

  // The trader asks for the withdrawal on the Withdraw page, as traders do.
  // In English: the trader's side is not what this journey reads, and its helpers read English labels.
  const context = await browser.newContext({ locale: "en" });
  const page = await context.newPage();
  await logInTrader(page, trader);
  await page.goto(`${WEB_URL}/wallet/withdraw?asset=USDT`);
  await page.getByLabel("Address", { exact: true }).fill(hex(20));
  await page.getByLabel("Amount (USDT)").fill(WITHDRAWAL.amount);
  await expect(page.getByTestId("withdraw-fee")).toBeVisible();
  await page.getByLabel("Password").fill(trader.password);
  await page.getByRole("button", { name: "Withdraw", exact: true }).click();
  await expect(page.getByTestId("withdraw-done")).toBeVisible();
  withdrawalId = (await page.getByTestId("withdrawal-row").first().getAttribute("data-id")) ?? "";
  await context.close();
  expect(withdrawalId).not.toBe("");

  // The watcher lists a deposit under the minimum and never credits it: a row as it records one.
  await sql(
    `INSERT INTO deposits (chain_key, tx_hash, log_index, asset_code, user_id, to_address,
       from_address, chain_amount, amount_atoms, block_number, block_hash, status, flags, updated_at)
     VALUES ('evm-local', $1, -1, 'ETH', $2, $3, $4, $5, $6, 1, $7, 'BELOW_MINIMUM', '{}', now())`,
    [hex(32), trader.id, hex(20), hex(20), `${DEPOSIT.atoms}0000000321`, DEPOSIT.atoms, hex(32)],
  );
});

/**
 * Signs a staff member in (the log-in journey reads English), then leaves the language to the
 * browser's: Chinese.
 */
async function staffInChinese(page: Page, context: BrowserContext, role: "ADMIN" | "FINANCE") {
  await context.addCookies([{ name: "locale", value: "en", url: ADMIN_URL }]);
  await signInStaff(page, role);
  await context.clearCookies({ name: "locale" });
}

/** Every header of the page's first table lies inside the viewport's width. */
async function expectHeadersOnScreen(page: Page) {
  const headers = page.locator("table").first().locator("thead th");
  const count = await headers.count();
  expect(count).toBeGreaterThan(3);
  for (let i = 0; i < count; i++) {
    const box = await headers.nth(i).boundingBox();
    expect(box, `header ${i}`).not.toBeNull();
    expect(
      (box?.x ?? 0) + (box?.width ?? 0),
      `header ${i} ends inside 1440 px`,
    ).toBeLessThanOrEqual(1440);
  }
}

/** The tRPC answer of a console query (superjson), as the staff member's session reads it. */
async function query<T>(page: Page, path: string, input: unknown): Promise<T> {
  const url = `${ADMIN_URL}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const response = await page.request.get(url);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

test("[ADMIN] finance reads withdrawals and deposits in Chinese, every decimal and column shown", async ({
  page,
  context,
}) => {
  await staffInChinese(page, context, "FINANCE");

  await page.goto(`${ADMIN_URL}/withdrawals`);
  await expect(page.getByRole("heading", { name: "提现", level: 1 })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "申请时间（GMT+8）" })).toBeVisible();
  const row = page.locator(`[data-testid="withdrawal-row"][data-id="${withdrawalId}"]`);
  await expect(row).toContainText(`${WITHDRAWAL.shown}USDT`);
  await expect(row.getByTestId("withdrawal-status")).toHaveText("待审批");
  await expect(row.getByTestId("risk-flag")).toHaveText("首次使用该地址");
  await expectHeadersOnScreen(page);
  await expectAccessible(page, "withdrawals queue");

  await row.getByRole("link", { name: "审核" }).click();
  await expect(page.getByRole("heading", { name: `${WITHDRAWAL.shown} USDT` })).toBeVisible();
  await expect(page.getByTestId("approvals-progress")).toHaveText("已批准 0，共需 1 次审批");
  await expect(page.getByRole("button", { name: "批准并上链发送" })).toBeVisible();
  await expect(page.locator("time").first()).toContainText("GMT+8");
  await expectAccessible(page, "withdrawal review");

  await page.goto(`${ADMIN_URL}/deposits?status=BELOW_MINIMUM&asset=ETH`);
  await expect(page.getByRole("heading", { name: "充值", level: 1 })).toBeVisible();
  const deposit = page.getByTestId("deposit-row").filter({ hasText: `#${trader.id}` });
  await expect(deposit).toContainText(`${DEPOSIT.shown}ETH`);
  await expect(deposit).toContainText("低于最小充值额");
  await expectHeadersOnScreen(page);
  await expectAccessible(page, "deposits");

  // A filter nothing matches says so, and what to do about it.
  await page.goto(`${ADMIN_URL}/deposits?status=DROPPED&asset=BTC`);
  await expect(page.getByTestId("empty-state")).toContainText("没有符合筛选条件的充值");
});

test("[ADMIN] the hot wallet and reconciliation in Chinese show the chain's amounts to the last decimal", async ({
  page,
  context,
}) => {
  await staffInChinese(page, context, "FINANCE");

  await page.goto(`${ADMIN_URL}/treasury`);
  await expect(page.getByRole("heading", { name: "热钱包", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^告警/ })).toBeVisible();
  await expect(async () => {
    await page.reload();
    const overview = await query<{ chain: { assets: { assetCode: string; balance: string }[] } }>(
      page,
      "finance.treasury.overview",
      {},
    );
    const eth = overview.chain.assets.find((a) => a.assetCode === "ETH");
    const card = page.locator('[data-testid="hot-wallet-balance"][data-asset="ETH"]');
    await expect(card).toContainText(groupThousands(eth?.balance ?? "?"), { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expectAccessible(page, "hot wallet");

  await page.goto(`${ADMIN_URL}/reconciliation`);
  await expect(page.getByRole("heading", { name: "对账", level: 1 })).toBeVisible();
  const holdings = page.getByRole("region", { name: "链上持仓" });
  await expect(async () => {
    await page.reload();
    await expect(holdings).toBeVisible({ timeout: 1_000 });
    const [latest] = await query<
      { id: number; chain: { assets: { asset: string; onChain: string }[] } }[]
    >(page, "reconciliation.list", { limit: 1 });
    const eth = latest?.chain.assets.find((a) => a.asset === "ETH");
    const row = holdings.locator('[data-testid="chain-holding"][data-asset="ETH"]');
    await expect(row).toContainText(groupThousands(eth?.onChain ?? "?"), { timeout: 1_000 });
    await expect(row.getByTestId("chain-difference")).toHaveText(/^-?[\d,.]+ (盈余|短缺)$/, {
      timeout: 1_000,
    });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId("reconciliation-result").first()).toHaveText(/已平衡|存在差异/);
  await expectAccessible(page, "reconciliation");
});

test("[ADMIN] operations create a savings product in Chinese and its quota keeps every decimal", async ({
  page,
  context,
}) => {
  await staffInChinese(page, context, "ADMIN");
  const name = `稳健理财 ${randomBytes(3).toString("hex")}`;

  await page.goto(`${ADMIN_URL}/products`);
  await expect(page.getByRole("heading", { name: "理财产品", level: 1 })).toBeVisible();
  await expectAccessible(page, "products");
  const form = page.getByRole("form", { name: "新建产品" });
  if (!(await form.isVisible())) await page.getByText("新建产品").click();
  await form.getByLabel("名称").fill(name);
  await form.getByLabel("币种").fill("USDT");
  await form.getByLabel("年化利率（%）").fill("4.5");
  await form.getByLabel("期限（天）").fill("14");
  await form.getByLabel("每日额度").fill("123456.789");
  await form.getByLabel("单笔最低认购").fill("10");
  await form.getByLabel("单笔最高认购").fill("5000");
  await form.getByRole("button", { name: "创建产品" }).click();

  await expect(page.getByTestId("product-name")).toHaveText(name);
  await expect(page.getByText("123,456.789 USDT").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "版本记录" })).toBeVisible();
  await expect(page.getByTestId("version-row")).toContainText("14 天");
  await expectAccessible(page, "product");

  // The version history fits the narrowest console it is made for: no sideways scrolling.
  await page.setViewportSize({ width: 1280, height: 800 });
  const history = page.getByRole("table", { name: "版本", exact: true });
  const scrolls = await history.evaluate((table) => {
    const scroller = table.parentElement;
    return scroller ? scroller.scrollWidth > scroller.clientWidth : true;
  });
  expect(scrolls).toBe(false);

  await page.goto(`${ADMIN_URL}/products/payouts`);
  await expect(page.getByRole("heading", { name: "理财派息", level: 1 })).toBeVisible();
  await expect(page.getByRole("form", { name: "按日期派息" })).toBeVisible();
  await expectAccessible(page, "savings payouts");
});

/** "1234.5" → "1,234.5": the grouping both languages use, every decimal kept. */
function groupThousands(value: string): string {
  const [whole = "", fraction] = value.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
