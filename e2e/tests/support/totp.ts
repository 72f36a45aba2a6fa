import { base32Decode, hotp, totpStep } from "../../../packages/domains/src/identity/totp";

/**
 * Codes for test accounts' authenticators, as the person's phone would show them. The server
 * refuses a time step already used (replay), so a second log-in within the same 30 seconds
 * takes the next step's code (accepted: one step of drift is allowed), and waits only if that
 * one is spent too. Steps used are remembered per secret within this worker.
 */
const lastStepBySecret = new Map<string, number>();

export async function nextTotpCode(secret: string): Promise<string> {
  const last = lastStepBySecret.get(secret) ?? Number.NEGATIVE_INFINITY;
  const step = Math.max(totpStep(Date.now()), last + 1);
  while (step > totpStep(Date.now()) + 1) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  lastStepBySecret.set(secret, step);
  return hotp(base32Decode(secret), step);
}
