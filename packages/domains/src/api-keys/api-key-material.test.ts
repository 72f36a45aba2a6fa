import { generateKeyPairSync } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { STORED_ENUMS } from "../testing/stored-enums";
import { API_KEY_PERMISSIONS, ZCreateApiKeyInput } from "./api-key-contracts";
import {
  API_KEY_PATTERN,
  ed25519KeyOf,
  ipAllowMatcher,
  newApiKeyId,
  newHmacSecret,
  normalizeIpEntry,
  parseEd25519PublicKey,
} from "./api-key-material";

describe("new keys", () => {
  it("are 64 URL-safe characters and never repeat", () => {
    const ids = new Set(Array.from({ length: 200 }, () => newApiKeyId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(API_KEY_PATTERN);
    expect(newHmacSecret()).toMatch(API_KEY_PATTERN);
  });

  it("have the permissions the database stores", () => {
    expect([...API_KEY_PERMISSIONS].sort()).toEqual([...STORED_ENUMS.ApiKeyPermission].sort());
    expect(["ED25519", "HMAC"]).toEqual([...STORED_ENUMS.ApiKeyKind].sort());
  });
});

describe("Ed25519 public keys", () => {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const pem = publicKey.export({ format: "pem", type: "spki" }).toString();
  const raw = publicKey.export({ format: "der", type: "spki" }).subarray(12).toString("base64");

  it("are read from PEM or from the raw 32 bytes in base64, to the same stored form", () => {
    expect(parseEd25519PublicKey(pem)).toBe(raw);
    expect(parseEd25519PublicKey(`  ${raw}\n`)).toBe(raw);
    const key = ed25519KeyOf(raw);
    expect(key?.asymmetricKeyType).toBe("ed25519");
  });

  it("refuse other kinds of key, private keys and garbage", () => {
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey;
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey;
    expect(
      parseEd25519PublicKey(rsa.export({ format: "pem", type: "spki" }).toString()),
    ).toBeNull();
    expect(parseEd25519PublicKey(ec.export({ format: "pem", type: "spki" }).toString())).toBeNull();
    expect(
      parseEd25519PublicKey(privateKey.export({ format: "pem", type: "pkcs8" }).toString()),
    ).toBeNull();
    expect(parseEd25519PublicKey("")).toBeNull();
    expect(parseEd25519PublicKey(Buffer.alloc(31).toString("base64"))).toBeNull();
    expect(
      parseEd25519PublicKey("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"),
    ).toBeNull();
  });

  it("never throw, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 1_200 }), (text) => {
        const parsed = parseEd25519PublicKey(text);
        if (parsed !== null) expect(ed25519KeyOf(parsed)).not.toBeNull();
      }),
    );
  });
});

describe("the IP allow-list", () => {
  it("keeps addresses and ranges in canonical form and refuses anything else", () => {
    expect(normalizeIpEntry(" 203.0.113.5 ")).toBe("203.0.113.5");
    expect(normalizeIpEntry("203.0.113.0/24")).toBe("203.0.113.0/24");
    expect(normalizeIpEntry("2001:DB8::1")).toBe("2001:db8::1");
    expect(normalizeIpEntry("2001:db8::/32")).toBe("2001:db8::/32");
    for (const bad of [
      "",
      "example.com",
      "203.0.113.256",
      "203.0.113.0/33",
      "10.0.0.0/8/1",
      "1.2.3.4/x",
    ]) {
      expect(normalizeIpEntry(bad)).toBeNull();
    }
  });

  it("lets any address through when empty, and only listed ones otherwise", () => {
    expect(ipAllowMatcher([])("198.51.100.7")).toBe(true);
    const allows = ipAllowMatcher(["203.0.113.0/24", "2001:db8::1"]);
    expect(allows("203.0.113.77")).toBe(true);
    expect(allows("::ffff:203.0.113.77")).toBe(true);
    expect(allows("203.0.114.1")).toBe(false);
    expect(allows("2001:db8::1")).toBe(true);
    expect(allows("2001:db8::2")).toBe(false);
    expect(allows(undefined)).toBe(false);
    expect(allows("not an address")).toBe(false);
  });

  it("matches an address listed exactly, whatever the address", () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.ipV4(), (listed, other) => {
        const allows = ipAllowMatcher([normalizeIpEntry(listed) ?? ""]);
        expect(allows(listed)).toBe(true);
        expect(allows(other)).toBe(listed === other);
      }),
    );
  });
});

describe("the create input", () => {
  const base = {
    label: "bot",
    kind: "HMAC" as const,
    trade: true,
    withdraw: false,
    ipAllowList: [],
    expiresInDays: null,
    code: "123456",
  };

  it("bounds the label, the allow-list and the expiry", () => {
    expect(ZCreateApiKeyInput.safeParse(base).success).toBe(true);
    expect(ZCreateApiKeyInput.safeParse({ ...base, label: "  " }).success).toBe(false);
    expect(ZCreateApiKeyInput.safeParse({ ...base, label: "x".repeat(65) }).success).toBe(false);
    expect(ZCreateApiKeyInput.safeParse({ ...base, ipAllowList: ["nope"] }).success).toBe(false);
    const many = Array.from({ length: 31 }, (_, i) => `10.0.0.${i}`);
    expect(ZCreateApiKeyInput.safeParse({ ...base, ipAllowList: many }).success).toBe(false);
    expect(ZCreateApiKeyInput.safeParse({ ...base, expiresInDays: 366 }).success).toBe(false);
    expect(ZCreateApiKeyInput.safeParse({ ...base, kind: "ED25519" }).success).toBe(false);
  });

  it("never accepts a label it could not store", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (label) => {
        const parsed = ZCreateApiKeyInput.safeParse({ ...base, label });
        if (parsed.success) {
          expect(parsed.data.label.length).toBeGreaterThan(0);
          expect(parsed.data.label.length).toBeLessThanOrEqual(64);
          expect(parsed.data.label).not.toContain("\u0000");
        }
      }),
    );
  });
});
