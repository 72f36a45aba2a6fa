import { createPublicKey, type KeyObject, randomBytes } from "node:crypto";
import { BlockList, isIP } from "node:net";

/**
 * The material of API keys, pure apart from the random source: new key ids and secrets, the
 * Ed25519 public keys traders upload, and the IP allow-list.
 */

/** 48 random bytes are exactly 64 base64url characters: the form of key ids and secrets. */
const RANDOM_BYTES = 48;
export const API_KEY_PATTERN = /^[A-Za-z0-9_-]{64}$/;

/** A new public key id (`X-MBX-APIKEY`): 384 random bits, 64 URL-safe characters. */
export function newApiKeyId(): string {
  return randomBytes(RANDOM_BYTES).toString("base64url");
}

/** A new HMAC secret, 64 URL-safe characters; clients use its text as the HMAC key. */
export function newHmacSecret(): string {
  return randomBytes(RANDOM_BYTES).toString("base64url");
}

/** The DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it. */
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");
const ED25519_KEY_BYTES = 32;

/**
 * Reads an uploaded Ed25519 public key, PEM (`-----BEGIN PUBLIC KEY-----`, as
 * `openssl pkey -pubout` writes it) or the raw 32 bytes in base64, and returns the raw key in
 * base64 (the stored form). Null when the text is not an Ed25519 public key (an RSA or EC key,
 * a private key, garbage).
 */
export function parseEd25519PublicKey(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > 1_000) return null;
  try {
    // createPublicKey derives the public half from a private key: a pasted private key is
    // refused, never quietly accepted (the trader must not send it anywhere).
    if (trimmed.startsWith("-----BEGIN") && !trimmed.startsWith("-----BEGIN PUBLIC KEY-----")) {
      return null;
    }
    const key = trimmed.startsWith("-----BEGIN")
      ? createPublicKey({ key: trimmed, format: "pem" })
      : ed25519KeyOf(trimmed);
    if (key?.type !== "public" || key.asymmetricKeyType !== "ed25519") return null;
    const der = key.export({ format: "der", type: "spki" });
    return der.subarray(ED25519_SPKI_PREFIX.length).toString("base64");
  } catch {
    return null;
  }
}

/** The key object of a stored (raw base64) Ed25519 public key, for verifying signatures. */
export function ed25519KeyOf(rawBase64: string): KeyObject | null {
  if (!/^[A-Za-z0-9+/]{43}=?$/.test(rawBase64)) return null;
  const raw = Buffer.from(rawBase64, "base64");
  if (raw.length !== ED25519_KEY_BYTES) return null;
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, raw]),
    format: "der",
    type: "spki",
  });
}

/** Entries of an allow-list at most, and the form of each: an address or a CIDR range. */
export const IP_ALLOW_LIST_MAX = 30;

/**
 * An allow-list entry in its canonical form (an IPv4 or IPv6 address, or a range such as
 * `203.0.113.0/24`), or null when it is neither.
 */
export function normalizeIpEntry(entry: string): string | null {
  const text = entry.trim();
  const [address = "", prefix, extra] = text.split("/");
  if (extra !== undefined) return null;
  const family = isIP(address);
  if (family === 0) return null;
  if (prefix === undefined) return address.toLowerCase();
  if (!/^\d{1,3}$/.test(prefix)) return null;
  const bits = Number(prefix);
  if (bits > (family === 4 ? 32 : 128)) return null;
  return `${address.toLowerCase()}/${bits}`;
}

/** `::ffff:203.0.113.5` (an IPv4 client seen by a dual-stack socket) is `203.0.113.5`. */
function plainAddress(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return mapped?.[1] ?? ip;
}

/**
 * A matcher of client addresses against an allow-list of canonical entries. An empty list
 * allows any address; a client whose address is unknown is then refused.
 */
export function ipAllowMatcher(
  entries: readonly string[],
): (clientIp: string | undefined) => boolean {
  if (entries.length === 0) return () => true;
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", prefix] = entry.split("/");
    const type = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return (clientIp) => {
    if (!clientIp) return false;
    const address = plainAddress(clientIp.trim());
    const family = isIP(address);
    if (family === 0) return false;
    return list.check(address, family === 6 ? "ipv6" : "ipv4");
  };
}
