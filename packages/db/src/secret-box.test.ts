import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openSecret, parseSecretBoxKey, sealSecret } from "./secret-box";

const key = randomBytes(32);

describe("secret box", () => {
  it("round-trips, with a fresh nonce each time", () => {
    const a = sealSecret(key, "JBSWY3DPEHPK3PXP");
    const b = sealSecret(key, "JBSWY3DPEHPK3PXP");
    expect(a).not.toBe(b);
    expect(a).not.toContain("JBSWY3DPEHPK3PXP");
    expect(openSecret(key, a)).toBe("JBSWY3DPEHPK3PXP");
  });

  it("refuses a tampered value and a wrong key", () => {
    const sealed = sealSecret(key, "secret");
    const parts = sealed.split(".");
    const flipped = Buffer.from(parts[3] ?? "", "base64url");
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    parts[3] = flipped.toString("base64url");
    expect(() => openSecret(key, parts.join("."))).toThrow();
    expect(() => openSecret(randomBytes(32), sealed)).toThrow();
    expect(() => openSecret(key, "plain-text")).toThrow(/not a sealed secret/);
  });

  it("reads base64 and base64url keys of exactly 32 bytes", () => {
    const raw = randomBytes(32);
    expect(parseSecretBoxKey(raw.toString("base64"))).toEqual(raw);
    expect(parseSecretBoxKey(raw.toString("base64url"))).toEqual(raw);
    expect(() => parseSecretBoxKey("c2hvcnQ=")).toThrow(/32 bytes/);
  });
});
