import { ZSavingsSubscriptionDetail } from "@exchange/contracts/savings";
import { describe, expect, it } from "vitest";
import { redemptionAmounts } from "./redemption-rules";
import type { PlanRecord, SubscriptionSummary } from "./subscription-read-repository";
import { redemptionQuoteView, subscriptionDetailView } from "./subscription-views";

const record: SubscriptionSummary = {
  id: "0b4a4bde-8d0f-4f0e-9d2c-6b1f7a1f0c11",
  userId: 7,
  instanceId: 3,
  productName: "USDT 30 days",
  assetCode: "USDT",
  precision: 6,
  amountAtoms: 1_000_500_000n,
  status: "ACTIVE",
  annualRatePpm: 52_500,
  payoutPeriod: "MONTHLY",
  earlyRedemption: "PENALTY",
  penaltyRatePpm: 10_000,
  valueDate: new Date("2027-01-02T00:00:00Z"),
  maturityDate: new Date("2027-02-01T00:00:00Z"),
  interestScheduledAtoms: 4_315_224n,
  interestPaidAtoms: 0n,
  interestPendingAtoms: 4_315_224n,
  redeemedAtoms: null,
  deductionAtoms: null,
  createdAt: new Date("2027-01-01T10:00:00Z"),
  endedAt: null,
};

const plans: PlanRecord[] = [
  {
    id: "5e0c7c1e-39b4-4e6b-9f57-1d8f1c1e0a01",
    seq: 1,
    periodStart: new Date("2027-01-02T00:00:00Z"),
    dueDate: new Date("2027-02-01T00:00:00Z"),
    interestAtoms: 4_315_224n,
    principalAtoms: 1_000_500_000n,
    status: "PENDING",
    paidAt: null,
    payoutRunId: null,
  },
];

describe("subscription views", () => {
  it("shows a subscription in the asset's decimals, with days as YYYY-MM-DD, in the public shape", () => {
    const view = subscriptionDetailView(record, plans);
    expect(ZSavingsSubscriptionDetail.parse(view)).toEqual(view);
    expect(view).toMatchObject({
      amount: "1000.5",
      annualRatePercent: "5.25",
      penaltyRatePercent: "1",
      valueDate: "2027-01-02",
      maturityDate: "2027-02-01",
      interestScheduled: "4.315224",
      interestPaid: "0",
      redeemed: null,
      deduction: null,
    });
    expect(view.plans).toEqual([
      {
        seq: 1,
        periodStart: "2027-01-02",
        dueDate: "2027-02-01",
        interest: "4.315224",
        principal: "1000.5",
        status: "PENDING",
        paidAt: null,
      },
    ]);
  });

  it("quotes a redemption: principal, the penalty kept, what returns and the interest forgone", () => {
    const amounts = redemptionAmounts({
      rule: "PENALTY",
      penaltyRatePpm: record.penaltyRatePpm,
      principalAtoms: record.amountAtoms,
      interestPaidAtoms: 0n,
      interestPendingAtoms: record.interestPendingAtoms,
    });
    expect(redemptionQuoteView(record, amounts)).toEqual({
      subscriptionId: record.id,
      asset: "USDT",
      principal: "1000.5",
      deduction: "10.005",
      returned: "990.495",
      interestForgone: "4.315224",
    });
  });
});
