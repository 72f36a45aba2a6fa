import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  base32Decode,
  base32Encode,
  hotp,
  matchTotp,
  otpauthUri,
  totpCode,
  totpStep,
} from "./totp";

// RFC 6238 Appendix B: the SHA-1 seed and its 8-digit codes at the listed times.
const RFC_SECRET = Buffer.from("12345678901234567890", "ascii");
const RFC_VECTORS: Array<[unixSeconds: number, code: string]> = [
  [59, "94287082"],
  [1_111_111_109, "07081804"],
  [1_111_111_111, "14050471"],
  [1_234_567_890, "89005924"],
  [2_000_000_000, "69279037"],
  [20_000_000_000, "65353130"],
];

describe("TOTP", () => {
  it.each(RFC_VECTORS)("matches RFC 6238 at T=%i", (seconds, code) => {
    expect(totpCode(RFC_SECRET, seconds * 1000, 8)).toBe(code);
  });

  it("matches RFC 4226's HOTP vectors (6 digits)", () => {
    const expected = ["755224", "287082", "359152", "969429", "338314"];
    expected.forEach((code, counter) => {
      expect(hotp(RFC_SECRET, counter)).toBe(code);
    });
  });

  const now = 1_700_000_015_000;
  const step = totpStep(now);

  it("accepts the current step and one either side, nothing further", () => {
    for (const offset of [-1, 0, 1]) {
      expect(matchTotp(RFC_SECRET, hotp(RFC_SECRET, step + offset), now, null)).toBe(step + offset);
    }
    for (const offset of [-2, 2]) {
      expect(matchTotp(RFC_SECRET, hotp(RFC_SECRET, step + offset), now, null)).toBeNull();
    }
  });

  it("refuses a replayed step and anything older than the last one used", () => {
    const code = hotp(RFC_SECRET, step);
    expect(matchTotp(RFC_SECRET, code, now, step)).toBeNull();
    expect(matchTotp(RFC_SECRET, hotp(RFC_SECRET, step - 1), now, step)).toBeNull();
    expect(matchTotp(RFC_SECRET, hotp(RFC_SECRET, step + 1), now, step)).toBe(step + 1);
  });

  it("refuses malformed codes", () => {
    for (const code of ["", "12345", "1234567", "12a456", " 123456"]) {
      expect(matchTotp(RFC_SECRET, code, now, null)).toBeNull();
    }
  });
});

describe("base32", () => {
  it("encodes RFC 4648's examples without padding", () => {
    expect(base32Encode(Buffer.from("foobar"))).toBe("MZXW6YTBOI");
    expect(base32Encode(Buffer.from("f"))).toBe("MY");
    expect(base32Encode(RFC_SECRET)).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  });

  it("decodes what people paste: lower case, spaces, padding", () => {
    expect(base32Decode("mzxw 6ytb oi======").toString()).toBe("foobar");
    expect(() => base32Decode("M1")).toThrow(/not base32/);
  });

  it("writes the otpauth URI authenticator apps read", () => {
    const uri = otpauthUri({ issuer: "Exchange", account: "a@b.test", secret: RFC_SECRET });
    expect(uri).toBe(
      "otpauth://totp/Exchange%3Aa%40b.test?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Exchange&algorithm=SHA1&digits=6&period=30",
    );
  });
});

describe("TOTP window (property)", () => {
  it("accepts exactly the codes of the step before, of and after now, once each", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 20, maxLength: 20 }),
        fc.integer({ min: 1_000_000, max: 4_000_000_000_000 }),
        fc.integer({ min: -3, max: 3 }),
        (bytes, nowMs, offset) => {
          const secret = Buffer.from(bytes);
          const step = totpStep(nowMs) + offset;
          const code = hotp(secret, step);
          const matched = matchTotp(secret, code, nowMs, null);
          if (Math.abs(offset) <= 1) {
            expect(matched).toBe(step);
            expect(matchTotp(secret, code, nowMs, step)).toBeNull();
          } else if (matched !== null) {
            // Another step of the window may share the code by chance (one in a million).
            expect(Math.abs(matched - totpStep(nowMs))).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
});
