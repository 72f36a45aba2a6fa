import { describe, expect, it } from "vitest";
import {
  hashToken,
  newRecoveryCodes,
  newToken,
  normalizeRecoveryCode,
  tokenProblem,
} from "./one-time-token";

describe("one-time tokens", () => {
  it("are random, URL-safe, and stored only as a stable SHA-256", () => {
    const a = newToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(a);
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(a)).toBe(hashToken(a));
    expect(hashToken("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });

  it("are usable until used or expired, whichever comes first", () => {
    const now = new Date("2026-11-21T10:00:00Z");
    const later = new Date("2026-11-21T10:30:00Z");
    expect(tokenProblem({ usedAt: null, expiresAt: later }, now)).toBeNull();
    expect(tokenProblem({ usedAt: null, expiresAt: now }, now)).toBe("expired");
    expect(tokenProblem({ usedAt: now, expiresAt: later }, now)).toBe("used");
    expect(tokenProblem({ usedAt: now, expiresAt: new Date(0) }, now)).toBe("used");
  });
});

describe("recovery codes", () => {
  it("are ten distinct readable codes, matched however they are typed", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    const [first = ""] = codes;
    expect(normalizeRecoveryCode(` ${first.toLowerCase().replace("-", " ")} `)).toBe(
      normalizeRecoveryCode(first),
    );
  });
});
