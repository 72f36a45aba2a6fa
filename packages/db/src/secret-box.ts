import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Symmetric encryption of small secrets at rest (TOTP secrets): AES-256-GCM with a random
 * 96-bit nonce per value. The stored form is `v1.<nonce>.<tag>.<ciphertext>` in base64url, so a
 * future key or algorithm can be told apart by its version prefix. GCM's tag makes a tampered
 * or wrongly keyed value fail loudly instead of decrypting to garbage.
 */
const VERSION = "v1";
const NONCE_BYTES = 12;
const KEY_BYTES = 32;

/** The 32-byte key from its configured text form (base64 or base64url of 32 random bytes). */
export function parseSecretBoxKey(text: string): Buffer {
  const key = Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (key.length !== KEY_BYTES) {
    throw new Error(`the encryption key must be ${KEY_BYTES} bytes in base64 (got ${key.length})`);
  }
  return key;
}

export function sealSecret(key: Buffer, plaintext: string): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const parts = [nonce, cipher.getAuthTag(), ciphertext].map((b) => b.toString("base64url"));
  return [VERSION, ...parts].join(".");
}

export function openSecret(key: Buffer, sealed: string): string {
  const [version, nonce, tag, ciphertext] = sealed.split(".");
  if (version !== VERSION || !nonce || !tag || ciphertext === undefined) {
    throw new Error("not a sealed secret");
  }
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(nonce, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  const plaintext = Buffer.concat([
    decipher.update(Buffer.from(ciphertext, "base64url")),
    decipher.final(),
  ]);
  return plaintext.toString("utf8");
}
