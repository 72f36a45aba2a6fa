import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { Redis } from "ioredis";
import { createLogger } from "../../packages/protocol/src/log";
import {
  startProcessReporting,
  VENUE_PROCESSES,
} from "../../packages/protocol/src/process-reports";
import { ADMIN_URL } from "../fixtures";
import { expectAccessible } from "./support/accessibility";
import { latestMailTo, mailsTo } from "./support/mail";
import { snapBothSizes } from "./support/screens";
import { sectionNav, signInStaff } from "./support/sessions";

/**
 * Operations watch the venue from the System page: every process up (each reports a heartbeat),
 * seed 003 §8's figures, and an alert the moment a process logs a fatal line, mailed once to
 * on-call staff and acknowledged from the page. The fatal line is logged here by a process of
 * the test's own, reporting through the same Redis stream as the venue's processes.
 */

/** Letters only: the alert center blanks digits when it groups log lines. */
const marker = () => [...randomBytes(8)].map((b) => String.fromCharCode(97 + (b % 26))).join("");

async function logFatal(message: string): Promise<void> {
  const redisUrl = process.env.E2E_REDIS_URL;
  const prefix = process.env.E2E_REDIS_PREFIX;
  if (!redisUrl || !prefix) throw new Error("run the end-to-end tests with npm run test:e2e");
  const redis = new Redis(redisUrl);
  const reporting = startProcessReporting({ redis, prefix, process: "signer" });
  try {
    createLogger("signer").fatal(message, { reason: "raised by the e2e journey" });
    await reporting.flush();
  } finally {
    await reporting.stop();
    await redis.quit();
  }
}

test("[SYSTEM] operations see every process up and the figures; a fatal line becomes an alert they acknowledge", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const operations = await signInStaff(page, "OPERATIONS");
  await sectionNav(page).getByRole("link", { name: "System" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "System" })).toBeVisible();

  for (const process of VENUE_PROCESSES) {
    await expect(
      page.locator(`[data-testid="system-process"][data-process="${process}"]`),
      `${process} reports a heartbeat`,
    ).toHaveAttribute("data-ok", "true", { timeout: 20_000 });
  }
  await expect(page.locator('[data-testid="system-component"][data-ok="true"]')).toHaveCount(2);
  const figures = page.getByTestId("system-figure");
  await expect(figures).toHaveCount(3);
  await expect(
    figures.filter({ hasText: "Orders per second" }).getByTestId("figure-value"),
  ).toHaveText(/^\d+(\.\d+)?$/);
  await expect(figures.filter({ hasText: "Deposit success rate" })).toBeVisible();
  await expect(figures.filter({ hasText: "Withdrawal processing time" })).toBeVisible();
  // Seed 003 §8.3: every figure with a value, its line and a verdict in words.
  const seedFigures = page.getByTestId("seed-figure");
  await expect(seedFigures).toHaveCount(11);
  for (const figure of ["cpu", "memory", "disk", "network", "apiResponse", "errorRate"]) {
    await expect(
      page
        .locator(`[data-testid="seed-figure"][data-figure="${figure}"]`)
        .getByTestId("seed-figure-value"),
      `${figure} is measured`,
    ).toHaveText(/\d/, { timeout: 20_000 });
  }
  await expect(page.locator('[data-testid="seed-figure"][data-figure="cpu"]')).toContainText(
    /Within line|Over line/,
  );
  await expect(page.getByTestId("process-vitals").first()).toContainText(/CPU [\d.]+\s?%/);
  await expect(
    page.locator('[data-testid="consumer-row"][data-consumer="projector"]'),
  ).toBeVisible();
  await expect(page.getByTestId("engine-head")).toHaveText(/Engine journal head: seq [\d,]+/);
  await expectAccessible(page, "the System page");

  const word = marker();
  const message = `e2e ${word} hot wallet key unreadable`;
  await logFatal(message);
  // The worker's alert center takes it within seconds, and the page reads it on its next poll.
  const row = page.getByTestId("alert-row").filter({ hasText: word });
  await expect(row).toBeVisible({ timeout: 30_000 });
  await expect(row).toHaveAttribute("data-status", "OPEN");
  await expect(row).toContainText("Critical");
  await expect(row).toContainText("Signer");
  await snapBothSizes(page, "system-alert-open");

  const mail = await latestMailTo(operations.email, {
    subject: new RegExp(word),
    timeoutMs: 15_000,
  });
  expect(mail.subject).toBe(`[Critical] signer: ${message}`);

  await row.getByRole("button", { name: "Acknowledge" }).click();
  await expect(row).toHaveAttribute("data-status", "ACKNOWLEDGED");
  await expect(row).toContainText(`Acknowledged by ${operations.name}`);

  // The same line again: counted on the alert, no second mail.
  await logFatal(message);
  await expect(row.getByRole("cell").nth(3)).toHaveText("2", { timeout: 30_000 });
  expect((await mailsTo(operations.email)).filter((m) => m.subject.includes(word))).toHaveLength(1);

  await row.getByRole("button", { name: "Resolve" }).click();
  await expect(row).toHaveCount(0);
  await page.goto(`${ADMIN_URL}/system`);
  await page.getByText(/Recently resolved/).click();
  await expect(page.getByTestId("resolved-alert").filter({ hasText: word })).toContainText(
    `Resolved by ${operations.name}`,
  );
});

test("[SYSTEM] the System page in Chinese, and closed to finance", async ({ page, browser }) => {
  await signInStaff(page, "OPERATIONS");
  await page.context().addCookies([{ name: "locale", value: "zh-CN", url: ADMIN_URL }]);
  await page.goto(`${ADMIN_URL}/system`);
  await expect(page.getByRole("heading", { level: 1, name: "系统" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "关键指标" })).toBeVisible();
  await expect(page.getByText("每秒订单数")).toBeVisible();
  await snapBothSizes(page, "system-zh");

  const finance = await browser.newPage();
  await signInStaff(finance, "FINANCE");
  await expect(sectionNav(finance).getByRole("link", { name: "System" })).toHaveCount(0);
  const refused = await finance.goto(`${ADMIN_URL}/system`);
  expect(refused?.status()).toBe(403);
  await finance.close();
});
