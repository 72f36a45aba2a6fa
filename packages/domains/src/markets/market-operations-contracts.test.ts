import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ZSetAssetStatusInput } from "./market-operations-contracts";

describe("an asset status change's input", () => {
  it("keeps a trimmed reason of 3 to 500 characters and refuses any other, naming the field", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), (reason) => {
        const parsed = ZSetAssetStatusInput.safeParse({ code: "USDT", status: "DISABLED", reason });
        const trimmed = reason.trim();
        const fits = trimmed.length >= 3 && trimmed.length <= 500;
        expect(parsed.success).toBe(fits);
        if (parsed.success) expect(parsed.data.reason).toBe(trimmed);
        else expect(parsed.error.issues.map((i) => i.path[0])).toContain("reason");
      }),
    );
  });

  it("takes only ACTIVE or DISABLED", () => {
    fc.assert(
      fc.property(fc.string(), (status) => {
        const parsed = ZSetAssetStatusInput.safeParse({ code: "USDT", status, reason: "a reason" });
        expect(parsed.success).toBe(status === "ACTIVE" || status === "DISABLED");
      }),
    );
  });
});
