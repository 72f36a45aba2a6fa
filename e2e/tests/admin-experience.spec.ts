/**
 * The admin console as staff meet it: a trader's profile prices a market order at what it
 * filled at (never the protection price the engine stored), every column of the profile's
 * tables is on screen at 1440 px, times name their zone and switch to UTC, the console speaks
 * Chinese to a Chinese browser, document panels say they are loading and offer a retry, and
 * the pages staff use most pass axe.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import pg from "pg";
import { createDb } from "../../packages/db/src/client";
import { commandIds } from "../../packages/protocol/src/command-ids";
import { EngineClient } from "../../packages/protocol/src/engine-client";
import { ADMIN_URL } from "../fixtures";
import { expectAccessible } from "./support/accessibility";
import { useOwnClientAddressPerTest } from "./support/client-address";
import { snap } from "./support/screens";
import { logInAsStaff, sectionNav } from "./support/sessions";
import { createStaff } from "./support/staff-db";
import { setUpTrading, type TestTrader } from "./support/trading-setup";

useOwnClientAddressPerTest(test);

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the end-to-end tests with npm run test:e2e`);
  return value;
};

/** BTCUSDT as seeded: 0.01 USDT ticks, 0.00001 BTC lots. */
const TICKS_PER_USDT = 100n;
const LOTS_PER_BTC = 100_000n;

/**
 * A seller rests 0.01 BTC at 1000.00 and 0.01 at 1000.03 on BTCUSDT, far below any other
 * journey's prices, and a buyer takes both with one market order: 0.02 BTC for 20.0003 USDT,
 * an average of 1000.015, shown as 1,000.01 (down to the tick). The engine stores the market
 * order's protection price (its best ask plus the slippage allowance) as its price.
 */
async function tradeAtMarket(seller: TestTrader, buyer: TestTrader): Promise<void> {
  const engine = await EngineClient.connect({
    redisUrl: env("E2E_REDIS_URL"),
    prefix: env("E2E_REDIS_PREFIX"),
  });
  const place = async (command: Record<string, unknown> & { userId: number }) => {
    const { outcome } = await engine.send(
      {
        type: "order.place",
        id: commandIds.placeOrder(command.userId),
        ts: Date.now(),
        symbol: "BTCUSDT",
        ...command,
      } as Parameters<typeof engine.send>[0],
      { timeoutMs: 15_000 },
    );
    if (!outcome.ok) throw new Error(`order refused: ${outcome.message}`);
  };
  try {
    for (const price of [100_000n, 100_003n]) {
      await place({
        userId: seller.id,
        side: "sell",
        orderType: "limit",
        priceTicks: price,
        qtyLots: LOTS_PER_BTC / 100n,
        timeInForce: "GTC",
      });
    }
    await place({
      userId: buyer.id,
      side: "buy",
      orderType: "market",
      qtyLots: (LOTS_PER_BTC / 100n) * 2n,
      slippageBps: 500,
    });
  } finally {
    await engine.close();
  }
  expect(TICKS_PER_USDT).toBe(100n);
}

async function signInComplianceAdmin(page: Page) {
  const staff = await createStaff(["ADMIN", "COMPLIANCE"], { name: "Experience Reviewer" });
  await logInAsStaff(page, staff);
  return staff;
}

test.describe("profile at 1440 × 900", () => {
  test.use({ viewport: { width: 1440, height: 900 }, timezoneId: "Asia/Shanghai" });

  test("[ADMIN] a filled market order shows its average fill price, every column is on screen, and times switch to UTC", async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const trading = await setUpTrading();
    let buyer: TestTrader;
    try {
      const seller = await trading.createTrader({ BTC: "0.02" });
      buyer = await trading.createTrader({ USDT: "12345.678" });
      await tradeAtMarket(seller, buyer);
    } finally {
      await trading.close();
    }

    await signInComplianceAdmin(page);
    await page.goto(`${ADMIN_URL}/users/${buyer.id}`);
    const orders = page.getByRole("table", { name: "Recent orders" });
    const row = orders.getByTestId("profile-order-row").first();
    // The projector writes the fill a moment after the engine answers.
    await expect(async () => {
      await page.reload();
      await expect(row).toContainText("Filled", { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });

    await expect(row).toContainText("Buy · Market");
    const cells = row.getByRole("cell");
    const header = (name: string) =>
      orders
        .getByRole("columnheader")
        .evaluateAll(
          (ths, wanted) => ths.findIndex((th) => th.textContent?.startsWith(wanted as string)),
          name,
        );
    // No limit on a market order; its price is what it filled at, to the tick, grouped.
    await expect(cells.nth(await header("Limit price"))).toHaveText(
      "—Market order: no limit price",
    );
    await expect(cells.nth(await header("Avg. fill price"))).toHaveText("1,000.01");
    await expect(cells.nth(await header("Filled"))).toContainText("0.02000");
    // Not the protection price the engine stored (1000.00 plus 5 %).
    await expect(row).not.toContainText("1,050");
    // Balances at the asset's precision (8 places), with thousands separators.
    const balances = page.getByRole("table", { name: "Balances" });
    await expect(
      balances.getByRole("row").filter({ hasText: "USDT" }).getByRole("cell").last(),
    ).toHaveText(/^12,3\d\d\.\d{8}$/);

    // Every column header of both tables is inside the viewport: nothing is cut off.
    for (const table of [balances, orders]) {
      for (const th of await table.getByRole("columnheader").all()) {
        const box = await th.boundingBox();
        expect(box, (await th.textContent()) ?? "").not.toBeNull();
        expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
        expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(1440);
      }
    }

    // Times are in the browser's zone, named; the switch turns them to UTC and back.
    const placed = orders.getByRole("columnheader", { name: /^Placed/ });
    await expect(placed).toHaveText("Placed (GMT+8)");
    const zone = page.getByRole("group", { name: "Time zone" });
    await expect(zone.getByRole("button", { name: "Local time (GMT+8)" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await zone.getByRole("button", { name: "UTC" }).click();
    await expect(placed).toHaveText("Placed (UTC)");
    await expect(page.getByTestId("profile-registered")).toContainText("UTC");
    await zone.getByRole("button", { name: "Local time (GMT+8)" }).click();
    await expect(placed).toHaveText("Placed (GMT+8)");
    await expect(page.getByTestId("profile-registered")).toContainText("GMT+8");
    await expectAccessible(page, "user profile");
  });
});

test.describe("in Chinese", () => {
  test.use({ locale: "zh-CN" });

  test("[ADMIN] a Chinese browser gets the console in Chinese", async ({ page, context }) => {
    // Log in through the English form (its labels are the log-in journey's), then let the
    // browser's own language speak: without the switcher's cookie, Accept-Language decides.
    const cookie = { name: "locale", url: ADMIN_URL };
    await context.addCookies([{ ...cookie, value: "en" }]);
    await signInComplianceAdmin(page);
    await context.clearCookies({ name: "locale" });
    await page.reload();
    const nav = page.getByRole("navigation", { name: "功能导航" });
    for (const section of ["概览", "身份认证", "用户", "市场", "员工"]) {
      await expect(nav.getByRole("link", { name: section })).toBeVisible();
    }
    await expect(page.getByRole("heading", { name: "概览", level: 1 })).toBeVisible();

    await nav.getByRole("link", { name: "身份认证" }).click();
    await expect(page.getByRole("heading", { name: "身份认证", level: 1 })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "等待时长" })).toBeVisible();
    await expectAccessible(page, "KYC queue in Chinese");
  });
});

test("[ADMIN] @phone the sidebar folds into a menu on a phone", async ({ page }) => {
  await signInComplianceAdmin(page);
  const nav = sectionNav(page);
  const menu = page.getByRole("button", { name: "Open the section menu" });
  const narrow = (page.viewportSize()?.width ?? 1280) < 1024;
  if (narrow) {
    await expect(nav).toBeHidden();
    await menu.click();
  }
  await expect(nav.getByRole("link", { name: "Users" })).toBeVisible();
  const box = await nav.getByRole("link", { name: "Users" }).boundingBox();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(narrow ? 40 : 36);
  await nav.getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  if (narrow) await expect(nav).toBeHidden();
  await expectAccessible(page, "users list");
});

/** A pending submission straight in the database; its files are served by the test's route. */
async function pendingSubmission(userId: number): Promise<number> {
  const client = new pg.Client({ connectionString: env("E2E_DATABASE_URL") });
  await client.connect();
  try {
    const submission = await client.query<{ id: number }>(
      `INSERT INTO kyc_submissions (user_id, legal_name, date_of_birth, country, document_type, document_number)
       VALUES ($1, 'Grace Experience Hopper', '1990-12-10', 'GB', 'PASSPORT', 'P7654321') RETURNING id`,
      [userId],
    );
    const id = submission.rows[0]?.id as number;
    for (const kind of ["FRONT", "SELFIE"]) {
      await client.query(
        `INSERT INTO kyc_documents (submission_id, kind, storage_key, content_type, size_bytes, sha256)
         VALUES ($1, $2, $3, 'image/jpeg', 1024, $4)`,
        [id, kind, `e2e-experience-${id}-${kind}`, "0".repeat(64)],
      );
    }
    return id;
  } finally {
    await client.end();
  }
}

test("[ADMIN] a document panel says it is loading, offers a retry when the photo fails, and shows it after", async ({
  page,
}) => {
  test.setTimeout(60_000);
  const db = createDb(env("E2E_DATABASE_URL"));
  let submissionId: number;
  try {
    const user = await db.user.create({
      data: { email: `kyc-experience-${Date.now()}@example.test`, passwordHash: "x" },
      select: { id: true },
    });
    submissionId = await pendingSubmission(user.id);
  } finally {
    await db.$disconnect();
  }
  const photo = readFileSync(
    join(import.meta.dirname, "..", "fixtures", "kyc", "passport-front.jpg"),
  );
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let attempts = 0;
  await page.route(/\/api\/kyc\/documents\/\d+/, async (route) => {
    attempts += 1;
    if (attempts <= 2) {
      // The first load of both panels: slow, then broken.
      await held;
      await route.fulfill({ status: 500, body: "" });
      return;
    }
    await route.fulfill({ status: 200, contentType: "image/jpeg", body: photo });
  });

  await signInComplianceAdmin(page);
  // The page's load event waits for its images, which this test holds back.
  await page.goto(`${ADMIN_URL}/kyc/${submissionId}`, { waitUntil: "domcontentloaded" });
  const front = page.getByTestId("kyc-document-front");
  await expect(front.getByRole("status")).toHaveText("Loading document…");
  await expectAccessible(page, "KYC review while its documents load");
  release();
  await expect(front.getByRole("alert")).toContainText("The document could not be loaded.");
  await front.getByRole("button", { name: "Try again" }).click();
  await expect(front.getByRole("alert")).toHaveCount(0);
  await expect
    .poll(() =>
      front.getByRole("img").evaluate((element) => {
        const img = element as unknown as { complete: boolean; naturalWidth: number };
        return img.complete ? img.naturalWidth : 0;
      }),
    )
    .toBeGreaterThan(0);
  await expect(front.getByRole("status")).toHaveCount(0);
  await snap(page, "admin-kyc-document");
});

test("[ADMIN] the console's main pages pass axe", async ({ page }) => {
  await signInComplianceAdmin(page);
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  await expectAccessible(page, "dashboard");
  for (const [link, heading] of [
    ["Users", "Users"],
    ["KYC", "KYC"],
    ["Staff", "Staff"],
    ["Markets", "Markets"],
  ] as const) {
    await sectionNav(page).getByRole("link", { name: link }).click();
    await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
    await expectAccessible(page, link);
  }
  await sectionNav(page).getByRole("link", { name: "Users" }).click();
  await page.getByTestId("user-row").first().getByRole("link").click();
  await expect(page.getByRole("table", { name: "Balances" })).toBeVisible();
  await expectAccessible(page, "a user profile");
  await snap(page, "admin-user-profile");
});
