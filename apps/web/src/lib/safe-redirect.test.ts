import { describe, expect, it } from "vitest";
import { DEFAULT_AFTER_LOGIN_PATH, safeRedirectPath } from "./safe-redirect";

describe("safeRedirectPath", () => {
  it("follows same-site paths", () => {
    expect(safeRedirectPath("/markets?tab=spot")).toBe("/markets?tab=spot");
  });

  it("refuses anything that could leave the site", () => {
    for (const next of ["https://evil.test", "//evil.test", "/\\evil.test", "markets", 42, null]) {
      expect(safeRedirectPath(next)).toBe(DEFAULT_AFTER_LOGIN_PATH);
    }
  });
});
