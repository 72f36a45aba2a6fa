import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ZBorrowInput, ZLoanMoveInput, ZLoanQuoteInput } from "./borrowing-contracts";

/** Whatever a client sends, the borrowing inputs either parse into bounded values or refuse. */
const anyValue = fc.oneof(
  fc.string({ maxLength: 120 }),
  fc.integer(),
  fc.double(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constantFrom(crypto.randomUUID(), "not-a-uuid", "max", "0", "-1", "1e9", `${"9".repeat(90)}`),
);

describe("borrowing inputs", () => {
  it("parse only bounded text, a row id and a UUID", () => {
    fc.assert(
      fc.property(anyValue, anyValue, anyValue, anyValue, (productId, collateral, loan, key) => {
        const parsed = ZBorrowInput.safeParse({ productId, collateral, loan, requestKey: key });
        if (!parsed.success) return;
        expect(Number.isSafeInteger(parsed.data.productId)).toBe(true);
        expect(parsed.data.collateral.length).toBeLessThanOrEqual(80);
        expect(parsed.data.loan.length).toBeGreaterThan(0);
      }),
    );
  });

  it("refuse a repayment of a loan that is not named by a UUID", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (loanId) => {
        const parsed = ZLoanMoveInput.safeParse({
          loanId,
          amount: "1",
          requestKey: crypto.randomUUID(),
        });
        expect(parsed.success).toBe(/^[0-9a-f-]{36}$/i.test(loanId) && parsed.success);
      }),
    );
  });

  it("accept the seed's choice", () => {
    expect(ZLoanQuoteInput.parse({ productId: 1, collateral: "1", loan: "max" })).toEqual({
      productId: 1,
      collateral: "1",
      loan: "max",
    });
  });
});
