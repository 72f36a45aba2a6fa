import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

const LANDING = "/markets";

describe("safeRedirectPath", () => {
  it("follows same-site paths", () => {
    expect(safeRedirectPath("/markets?tab=spot", LANDING)).toBe("/markets?tab=spot");
    expect(safeRedirectPath("/kyc", "/")).toBe("/kyc");
  });

  it("refuses anything that could leave the site", () => {
    for (const next of ["https://evil.test", "//evil.test", "/\\evil.test", "markets", 42, null]) {
      expect(safeRedirectPath(next, LANDING)).toBe(LANDING);
    }
  });
});
