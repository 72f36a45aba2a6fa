import { describe, expect, it } from "vitest";
import { signStreamToken, verifyStreamToken } from "./stream-token";

const SECRET = "test-secret";
const NOW = 1_800_000_000_000;

describe("stream tokens", () => {
  it("round-trips the user id until expiry", () => {
    const token = signStreamToken({ userId: 42, expiresAtMs: NOW + 60_000 }, SECRET);
    expect(verifyStreamToken(token, SECRET, NOW)).toEqual({
      userId: 42,
      expiresAtMs: NOW + 60_000,
    });
  });

  it("refuses an expired token", () => {
    const token = signStreamToken({ userId: 42, expiresAtMs: NOW }, SECRET);
    expect(verifyStreamToken(token, SECRET, NOW)).toBeUndefined();
  });

  it("refuses a token signed with another secret", () => {
    const token = signStreamToken({ userId: 42, expiresAtMs: NOW + 60_000 }, "other");
    expect(verifyStreamToken(token, SECRET, NOW)).toBeUndefined();
  });

  it("refuses a token whose payload was changed to another user", () => {
    const token = signStreamToken({ userId: 42, expiresAtMs: NOW + 60_000 }, SECRET);
    const [, signature] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ u: 43, e: NOW + 60_000 })).toString("base64url");
    expect(verifyStreamToken(`${forged}.${signature}`, SECRET, NOW)).toBeUndefined();
  });

  it.each(["", "abc", "a.b.c", "..", "%%%.%%%"])("refuses garbage %j", (garbage) => {
    expect(verifyStreamToken(garbage, SECRET, NOW)).toBeUndefined();
  });
});
