import { AppErrorCode } from "@exchange/domains/errors";
import { RESET_PASSWORD_VALID_MS } from "@exchange/domains/identity/identity-config";
import { logInWithPassword } from "@exchange/domains/identity/log-in";
import { currentSessionUser } from "@exchange/domains/identity/sessions";
import { requireRecentStepUp, STEP_UP_WINDOW_MS } from "@exchange/domains/identity/step-up";
import { latestMailTo, tokenIn } from "@exchange/domains/testing/mail";
import { closeServices, testServices, uniqueTestIp } from "@exchange/domains/testing/test-services";
import { createTestUser, signInTestUser } from "@exchange/domains/testing/test-users";
import { ManualClock } from "@exchange/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callTraderApi } from "./testing/callers";
import type { Services } from "./trpc/context";

/**
 * Identity's expiries are read on the services' clock, not the machine's: each test starts a
 * clock a day in the past, where the machine's time would already call everything expired, and
 * moves it across the expiry.
 */
let services: Services;
beforeAll(async () => {
  services = await testServices();
});
afterAll(() => closeServices(services));

const DAY_MS = 24 * 3600 * 1000;

/** The services with their own clock, set a day before the machine's time. */
function servicesADayAgo(): { clocked: Services; clock: ManualClock; start: number } {
  const start = Date.now() - DAY_MS;
  const clock = new ManualClock(start);
  return { clocked: { ...services, clock }, clock, start };
}

describe("identity on the services' clock", () => {
  it("refuses a reset link once the clock passes its expiry, and takes it before", async () => {
    const { clocked, clock, start } = servicesADayAgo();
    const user = await createTestUser(services.db, { tag: "clock-reset" });
    await callTraderApi(clocked, undefined, uniqueTestIp()).auth.requestPasswordReset({
      email: user.email,
    });
    const mail = await latestMailTo(user.email, { subject: /Reset your Exchange password/ });
    const token = tokenIn(mail, "/reset-password");

    clock.set(start + RESET_PASSWORD_VALID_MS + 1);
    await expect(
      callTraderApi(clocked).auth.resetPassword({ token, password: "new-password-77" }),
    ).rejects.toMatchObject({ cause: { code: AppErrorCode.TOKEN_EXPIRED } });

    // Long expired by the machine's time, still valid by the clock's.
    clock.set(start + RESET_PASSWORD_VALID_MS - 1_000);
    await callTraderApi(clocked).auth.resetPassword({ token, password: "new-password-77" });
    const logIn = { kind: "user", email: user.email, password: "new-password-77" } as const;
    await expect(
      logInWithPassword(clocked, { ...logIn, ip: uniqueTestIp() }),
    ).resolves.toMatchObject({ next: "signed-in" });
  });

  it("ends a session's step-up window and the session itself as the clock moves", async () => {
    const { clocked, clock, start } = servicesADayAgo();
    const user = await createTestUser(services.db, { tag: "clock-session" });
    const actor = await signInTestUser(clocked, user.id);
    const session = {
      principal: { type: "USER" as const, id: user.id },
      sessionId: actor.sessionId,
    };

    clock.set(start + STEP_UP_WINDOW_MS);
    await expect(requireRecentStepUp(clocked, session)).resolves.toBeUndefined();
    await expect(
      currentSessionUser(clocked, { userId: user.id, sessionId: actor.sessionId }),
    ).resolves.toMatchObject({ id: user.id });

    clock.set(start + STEP_UP_WINDOW_MS + 1);
    await expect(requireRecentStepUp(clocked, session)).rejects.toMatchObject({
      code: AppErrorCode.STEP_UP_REQUIRED,
    });
    // A step-up recorded now is recorded at the clock's time, and opens the window again.
    await callTraderApi(clocked, actor).security.confirmStepUp({ password: user.password });
    await expect(requireRecentStepUp(clocked, session)).resolves.toBeUndefined();

    // signInTestUser opens sessions of an hour.
    clock.set(start + 3600 * 1000 + 1);
    await expect(
      currentSessionUser(clocked, { userId: user.id, sessionId: actor.sessionId }),
    ).resolves.toBeNull();
  });
});
