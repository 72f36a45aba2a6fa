import { randomBytes } from "node:crypto";
import type { test as base } from "@playwright/test";

/**
 * Gives every test of a spec file a client address of its own (X-Forwarded-For, as the reverse
 * proxy in front of the apps sets it). The apps rate-limit registration (5 per hour), log-in
 * failures and mails per address; without this, every test of the run would share 127.0.0.1
 * and the limits would trip across unrelated tests. Call once at the top of a spec file.
 */
export function useOwnClientAddressPerTest(test: typeof base): void {
  test.beforeEach(async ({ context }) => {
    await context.setExtraHTTPHeaders({ "x-forwarded-for": randomTestAddress() });
  });
}

/** A random address in 10.0.0.0/8. */
export function randomTestAddress(): string {
  const [a = 0, b = 0, c = 0] = randomBytes(3);
  return `10.${a}.${b}.${c}`;
}
