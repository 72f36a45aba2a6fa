/**
 * `npm run totp -- <staff email | base32 secret>`: the current two-factor code of a demo staff
 * member (their fixed secret is in packages/db/src/seed-data.ts) or of any secret, with how
 * long it stays current. For local development only: real staff use an authenticator app.
 */

import { SEED_STAFF } from "../packages/db/src/seed-data";
import { base32Decode, TOTP_STEP_S, totpCode } from "../packages/domains/src/identity/totp";

const argument = process.argv[2]?.trim();
if (!argument) {
  console.error("usage: npm run totp -- <staff email | base32 secret>");
  process.exit(2);
}
const secret = argument.includes("@")
  ? SEED_STAFF.find((s) => s.email === argument.toLowerCase())?.totpSecret
  : argument;
if (!secret) {
  console.error(
    `${argument} is not a demo staff member (${SEED_STAFF.map((s) => s.email).join(", ")})`,
  );
  process.exit(2);
}
const now = Date.now();
const secondsLeft = TOTP_STEP_S - (Math.floor(now / 1000) % TOTP_STEP_S);
console.log(`${totpCode(base32Decode(secret), now)}  (valid for ${secondsLeft} s more)`);
