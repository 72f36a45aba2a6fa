import { describe, expect, it } from "vitest";
import { ZBigRowCursor } from "./input-bounds";

describe("ZBigRowCursor", () => {
  it("takes any digits a BIGINT holds, up to 9223372036854775807", () => {
    expect(ZBigRowCursor.parse("1")).toBe("1");
    expect(ZBigRowCursor.parse("9223372036854775807")).toBe("9223372036854775807");
  });

  it("refuses 9223372036854775808 and 10000000000000000000 as no cursor of a list, before Postgres sees them", () => {
    for (const cursor of ["9223372036854775808", "10000000000000000000", "1".repeat(400)]) {
      const parsed = ZBigRowCursor.safeParse(cursor);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe("Not a cursor of this list.");
    }
  });

  it("refuses what is not digits", () => {
    for (const cursor of ["", "-1", "1e5", " 1", "0x10"]) {
      expect(ZBigRowCursor.safeParse(cursor).success).toBe(false);
    }
  });
});
