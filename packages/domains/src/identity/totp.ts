import { randomBytes } from "node:crypto";
import { generateSync, ScureBase32Plugin, verifySync } from "otplib";

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP), as authenticator apps
 * implement them: HMAC-SHA1, 30-second steps, 6 digits. The codes come from otplib; this file
 * fixes our parameters and our replay rule. Pure: the caller passes the time.
 */
export const TOTP_STEP_S = 30;
export const TOTP_DIGITS = 6;
/** Steps either side of now still accepted, for clock drift and slow typing. */
export const TOTP_WINDOW_STEPS = 1;
const SECRET_BYTES = 20;

type Digits = 6 | 7 | 8;
const base32 = new ScureBase32Plugin();

/** The time step a moment falls in. */
export function totpStep(nowMs: number): number {
  return Math.floor(nowMs / 1000 / TOTP_STEP_S);
}

/** HOTP (RFC 4226 §5.3): the `digits`-digit code of one counter value. */
export function hotp(secret: Buffer, counter: number, digits: Digits = TOTP_DIGITS): string {
  return generateSync({ strategy: "hotp", secret, counter, digits });
}

export function totpCode(secret: Buffer, nowMs: number, digits: Digits = TOTP_DIGITS): string {
  return generateSync({ secret, epoch: Math.floor(nowMs / 1000), period: TOTP_STEP_S, digits });
}

/**
 * The step whose code `code` is, within the window around `nowMs` and later than `lastStep`
 * (a step already used is a replay and never matches), or null. otplib compares every
 * candidate in constant time, so the answer's timing does not reveal near misses.
 */
export function matchTotp(
  secret: Buffer,
  code: string,
  nowMs: number,
  lastStep: number | null,
): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const result = verifySync({
    secret,
    token: code,
    // A tolerance of whole steps in seconds reaches exactly the neighbouring steps, wherever
    // in its step `nowMs` falls.
    epoch: Math.floor(nowMs / 1000),
    period: TOTP_STEP_S,
    epochTolerance: TOTP_WINDOW_STEPS * TOTP_STEP_S,
    ...(lastStep === null ? {} : { afterTimeStep: lastStep }),
  });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

/** A new random secret (160 bits, as RFC 4226 recommends for HMAC-SHA1). */
export function newTotpSecret(): Buffer {
  return randomBytes(SECRET_BYTES);
}

/** RFC 4648 base32 without padding: how authenticator apps take a secret typed by hand. */
export function base32Encode(bytes: Buffer): string {
  return base32.encode(bytes, { padding: false });
}

/** Reads base32, forgiving case, spaces and padding as people copy them. */
export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=-]/g, "");
  const invalid = /[^A-Z2-7]/.exec(clean);
  if (invalid) throw new Error(`not base32: ${JSON.stringify(invalid[0])}`);
  // The decoder wants whole 8-character blocks; the padding people leave off is put back.
  return Buffer.from(base32.decode(clean.padEnd(Math.ceil(clean.length / 8) * 8, "=")));
}

/**
 * The `otpauth://` URI an authenticator app reads from the QR code (Key Uri Format). Written out
 * rather than otplib's generateURI, which leaves the label's colon unescaped and drops the
 * algorithm, digits and period: some apps guess those wrong when absent.
 */
export function otpauthUri(options: { issuer: string; account: string; secret: Buffer }): string {
  const label = encodeURIComponent(`${options.issuer}:${options.account}`);
  const params = new URLSearchParams({
    secret: base32Encode(options.secret),
    issuer: options.issuer,
    algorithm: "SHA1",
    digits: String(TOTP_DIGITS),
    period: String(TOTP_STEP_S),
  });
  return `otpauth://totp/${label}?${params.toString()}`;
}
