import { expect, type Page } from "@playwright/test";
import { parseUnits } from "../../../packages/contracts/src/money";
import type { createDb } from "../../../packages/db/src/client";
import { borrow, borrowOffers } from "../../../packages/domains/src/lending/borrowing";
import { sendLoanAccrue } from "../../../packages/domains/src/lending/lending-engine";
import type { EngineClient } from "../../../packages/protocol/src/engine-client";
import { ADMIN_URL } from "../../fixtures";
import { expectAccessible } from "./accessibility";
import { snap } from "./screens";
import { signInStaff } from "./sessions";
import type { TradingSetup } from "./trading-setup";

/**
 * [LENDING-RISK] Operations' loan book (issue 19 part 7): a trader borrows the most 1 BTC allows
 * at the fed index of 30 000 (80 %) and a day's interest accrues (LTV 80.04 %): operations find
 * the loan at the top of the loan book with its LTV and the fall left before each line, then its
 * page with the figures, terms and history, on a desktop and a phone, in English and Chinese.
 * It borrows from the USDT pool, so it runs in loans.spec's serial chain, after the borrowers
 * and the market's fall (the index back at 30 000).
 */
export async function operationsSeeTheRiskiestLoan(
  page: Page,
  deps: { trading: TradingSetup; engine: EngineClient; db: ReturnType<typeof createDb> },
) {
  const loanId = await openRiskiestLoan(deps);
  await signInStaff(page, "OPERATIONS");
  await page.goto(`${ADMIN_URL}/products/loan-book`);
  await expect(page.getByRole("heading", { name: "Loan book", level: 1 })).toBeVisible();
  const first = page.getByTestId("loan-book-row").first();
  await expect(first).toHaveAttribute("data-id", loanId);
  await expect(first.getByTestId("loan-ltv")).toHaveText("80.04 %");
  await expect(first.getByTestId("loan-to-warning")).toContainText("14.95 % fall");
  await expect(first.getByTestId("loan-to-liquidation")).toContainText("17.95 % fall");
  await expect(first.getByTestId("loan-to-liquidation")).toContainText("24,612.3 USDT");
  await expect(first.getByTestId("loan-status")).toHaveText("Open");
  await expectAccessible(page, "loan book");
  await snap(page, "lending-risk-book");
  await page.setViewportSize(PHONE);
  await expectFitsPhone(page);
  await snap(page, "lending-risk-book-phone");

  await page.setViewportSize(DESKTOP);
  await first.getByRole("link").first().click();
  await expect(
    page.getByRole("heading", { name: "24,012 USDT against 1 BTC", level: 1 }),
  ).toBeVisible();
  await expect(page.getByTestId("loan-ltv")).toHaveText("80.04 %");
  const history = page.getByTestId("loan-history-row");
  await expect(history).toHaveCount(2);
  await expect(history.nth(0)).toContainText("Opened");
  await expect(history.nth(1)).toContainText("Interest accrued");
  await expect(history.nth(1).getByRole("cell").nth(3)).toHaveText(/^12\s*USDT$/);
  // Open, not liquidating: nothing to approve.
  await expect(page.getByTestId("loan-approval")).toHaveCount(0);
  await expectAccessible(page, "loan detail");
  await snap(page, "lending-risk-loan");
  await page.setViewportSize(PHONE);
  await expectFitsPhone(page);
  await snap(page, "lending-risk-loan-phone");

  await page.context().addCookies([{ name: "locale", value: "zh-CN", url: ADMIN_URL }]);
  await page.reload();
  await expect(page.getByRole("heading", { name: /抵押 1 BTC/, level: 1 })).toBeVisible();
  await expect(page.getByTestId("loan-history-row").nth(1)).toContainText("计息");
  await expectFitsPhone(page);
  await snap(page, "lending-risk-loan-zh-phone");
}

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

/** A loan at the initial LTV with a day's interest (0.05 % of 24 000): the book's riskiest. */
async function openRiskiestLoan(deps: {
  trading: TradingSetup;
  engine: EngineClient;
  db: ReturnType<typeof createDb>;
}): Promise<string> {
  const services = { db: deps.db, engine: deps.engine, clock: { now: () => Date.now() } };
  const trader = await deps.trading.createTrader({ BTC: "1" });
  const offer = (await borrowOffers(services as never)).find(
    (o) => o.collateralAsset === "BTC" && o.loanAsset === "USDT",
  );
  if (!offer) throw new Error("no BTC → USDT loan product");
  const loan = await borrow(services as never, trader.id, {
    productId: offer.productId,
    collateral: "1",
    loan: "max",
    requestKey: crypto.randomUUID(),
  });
  expect(loan.principalAtoms).toBe(parseUnits("24000", 8));
  const accrued = await sendLoanAccrue(services as never, {
    loanId: loan.id,
    periodNo: 1,
    interestAtoms: parseUnits("12", 8),
  });
  expect(accrued.ok).toBe(true);
  await expect
    .poll(
      async () =>
        (await deps.db.loan.findUnique({ where: { id: loan.id } }))?.interestAtoms.toFixed(),
      { timeout: 20_000 },
    )
    .toBe(parseUnits("12", 8).toString());
  return loan.id;
}

/** No element wider than the phone's screen: nothing cut off or scrolling the page sideways. */
async function expectFitsPhone(page: Page) {
  const overflow = await page.evaluate<number>(
    "document.documentElement.scrollWidth - document.documentElement.clientWidth",
  );
  expect(overflow).toBeLessThanOrEqual(0);
}
