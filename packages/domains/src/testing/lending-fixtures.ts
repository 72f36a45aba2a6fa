import type { CreateLoanProductInput } from "../lending/product-contracts";

/**
 * A loan product on seed 004's worked example, as operations type it: USDT lent against BTC at
 * an initial LTV of 80 %, the warning line at 85 % of the opening price, the liquidation line at
 * 83 % stated and 82 % acting, a 2 % liquidation fee, 0.02 % a day for 30 days.
 */
export function seedLoanProductInput(
  overrides: Partial<CreateLoanProductInput> = {},
): CreateLoanProductInput {
  return {
    name: "USDT against BTC, test",
    collateralAsset: "BTC",
    loanAsset: "USDT",
    initialLtvPercent: "80",
    warningLinePercent: "85",
    liquidationLinePercent: "83",
    effectiveLiquidationLinePercent: "82",
    liquidationFeePercent: "2",
    interestPeriod: "DAY",
    ratePercent: "0.02",
    termDays: 30,
    minLoan: "100",
    maxLoan: "250000",
    kycLevel: 1,
    ...overrides,
  };
}
