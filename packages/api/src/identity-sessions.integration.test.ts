import { AppErrorCode } from "@exchange/domains/errors";
import {
  currentSessionUser,
  endSession,
  openSession,
  sessionStands,
} from "@exchange/domains/identity/sessions";
import { requireRecentStepUp, STEP_UP_WINDOW_MS } from "@exchange/domains/identity/step-up";
import { base32Decode, totpCode } from "@exchange/domains/identity/totp";
import { latestMailTo, tokenIn } from "@exchange/domains/testing/mail";
import { closeServices, testServices } from "@exchange/domains/testing/test-services";
import { createTestUser, signInTestUser } from "@exchange/domains/testing/test-users";
import { sessionRevocationChannel } from "@exchange/protocol";
import { runVar } from "@exchange/protocol/testing";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callTraderApi } from "./testing/callers";
import type { Services } from "./trpc/context";

let services: Services;
let listener: Redis;
const revocations: string[] = [];

beforeAll(async () => {
  services = await testServices();
  listener = new Redis(runVar("REDIS_URL") ?? "");
  listener.on("message", (_channel, message) => revocations.push(message));
  await listener.subscribe(sessionRevocationChannel(services.redisPrefix));
});
afterAll(async () => {
  listener.disconnect();
  await closeServices(services);
});

async function waitForRevocation(expected: { u: number; s: string | null }): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    if (revocations.some((m) => JSON.stringify(JSON.parse(m)) === JSON.stringify(expected))) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no revocation ${JSON.stringify(expected)} among ${revocations.join(", ")}`);
}

describe("server-side sessions", () => {
  it("refuses a logged-out session's cookie afterwards (log-out revokes it on the server)", async () => {
    const user = await createTestUser(services.db);
    const actor = await signInTestUser(services, user.id);
    const other = await signInTestUser(services, user.id);
    await expect(
      currentSessionUser(services, { userId: user.id, sessionId: actor.sessionId }),
    ).resolves.toMatchObject({ id: user.id });

    await endSession(services, actor.sessionId);
    // The cookie still decodes to the same user and session: the server says no.
    await expect(
      currentSessionUser(services, { userId: user.id, sessionId: actor.sessionId }),
    ).resolves.toBeNull();
    // Only that session: the same user's other device stays signed in.
    await expect(
      currentSessionUser(services, { userId: user.id, sessionId: other.sessionId }),
    ).resolves.toMatchObject({ id: user.id });
    await waitForRevocation({ u: user.id, s: actor.sessionId });
  });

  it("refuses a session named by another account's cookie, an expired one and a cookie without one", async () => {
    const alice = await createTestUser(services.db, { tag: "alice" });
    const bob = await createTestUser(services.db, { tag: "bob" });
    const aliceSession = await signInTestUser(services, alice.id);
    await expect(
      currentSessionUser(services, { userId: bob.id, sessionId: aliceSession.sessionId }),
    ).resolves.toBeNull();
    await expect(
      sessionStands(services, { type: "STAFF", id: alice.id }, aliceSession.sessionId),
    ).resolves.toBe(false);
    const expired = await openSession(
      services.db,
      { type: "USER", id: alice.id },
      60,
      new Date(Date.now() - 61_000),
    );
    await expect(
      currentSessionUser(services, { userId: alice.id, sessionId: expired }),
    ).resolves.toBeNull();
    // The next sign-in sweeps the account's expired sessions away.
    await signInTestUser(services, alice.id);
    expect(await services.db.authSession.count({ where: { id: expired } })).toBe(0);
    await expect(
      currentSessionUser(services, { userId: alice.id, sessionId: null }),
    ).resolves.toBeNull();
  });

  it("ends every session of the account when the password is reset, and tells the gateways", async () => {
    const user = await createTestUser(services.db, { tag: "reset-all" });
    const sessions = [
      await signInTestUser(services, user.id),
      await signInTestUser(services, user.id),
    ];
    await callTraderApi(services).auth.requestPasswordReset({ email: user.email });
    const token = tokenIn(await latestMailTo(user.email, { subject: /Reset/ }), "/reset-password");
    await callTraderApi(services).auth.resetPassword({ token, password: "brand-new-pass-9" });
    for (const { sessionId } of sessions) {
      await expect(
        currentSessionUser(services, { userId: user.id, sessionId }),
      ).resolves.toBeNull();
    }
    await waitForRevocation({ u: user.id, s: null });
  });

  it("refuses a suspended trader's session", async () => {
    const user = await createTestUser(services.db, { tag: "suspended" });
    const actor = await signInTestUser(services, user.id);
    await services.db.user.update({ where: { id: user.id }, data: { status: "SUSPENDED" } });
    await expect(
      currentSessionUser(services, { userId: user.id, sessionId: actor.sessionId }),
    ).resolves.toBeNull();
  });
});

/** A trader with two-factor on, signed in; returns the secret to make codes with. */
async function traderWithTwoFactor() {
  const user = await createTestUser(services.db, { tag: "step-up" });
  const actor = await signInTestUser(services, user.id);
  const api = callTraderApi(services, actor);
  const { secret } = await api.security.beginTwoFactor();
  const key = base32Decode(secret);
  await api.security.confirmTwoFactor({ code: totpCode(key, Date.now()) });
  return { user, actor, api, key };
}

/** A code of a later time step than any used so far (each step signs once). */
const nextCode = (key: Buffer, stepsAhead: number) =>
  totpCode(key, Date.now() + stepsAhead * 30_000);

describe("step-up before sensitive actions", () => {
  it("refuses to turn two-factor off with a code alone: the password is asked too", async () => {
    const { api } = await traderWithTwoFactor();
    await expect(
      // @ts-expect-error the proof must name the password
      api.security.disableTwoFactor({ stepUp: { code: "123456" } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      api.security.disableTwoFactor({ stepUp: { password: "not-the-password-1", code: "123456" } }),
    ).rejects.toMatchObject({ cause: { code: AppErrorCode.WRONG_PASSWORD } });
    await expect(api.security.twoFactorStatus()).resolves.toMatchObject({ enabled: true });
  });

  it("rate-limits turning two-factor off: after 5 wrong confirmations even the right ones are refused", async () => {
    const { user, api, key } = await traderWithTwoFactor();
    for (let i = 0; i < 5; i++) {
      await expect(
        api.security.disableTwoFactor({ stepUp: { password: user.password, code: "000000" } }),
      ).rejects.toMatchObject({ cause: { code: AppErrorCode.INVALID_TWO_FACTOR_CODE } });
    }
    await expect(
      api.security.disableTwoFactor({
        stepUp: { password: user.password, code: nextCode(key, 1) },
      }),
    ).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    await expect(api.security.twoFactorStatus()).resolves.toMatchObject({ enabled: true });
  });

  it("turns two-factor off with the password and a code, within the same session", async () => {
    const { user, api, key } = await traderWithTwoFactor();
    await expect(
      api.security.disableTwoFactor({
        stepUp: { password: user.password, code: nextCode(key, 1) },
      }),
    ).resolves.toEqual({ enabled: false });
  });

  it("refuses a step-up action of a session whose last proof is older than the window (a stolen cookie alone is not enough)", async () => {
    const { user, actor, api, key } = await traderWithTwoFactor();
    const session = {
      principal: { type: "USER" as const, id: user.id },
      sessionId: actor.sessionId,
    };
    await services.db.authSession.update({
      where: { id: actor.sessionId },
      data: { steppedUpAt: new Date(Date.now() - STEP_UP_WINDOW_MS - 1_000) },
    });
    await expect(requireRecentStepUp(services, session)).rejects.toMatchObject({
      code: AppErrorCode.STEP_UP_REQUIRED,
    });
    // Confirming again opens the window; the password alone is not enough while 2FA is on.
    await expect(api.security.confirmStepUp({ password: user.password })).rejects.toMatchObject({
      cause: { code: AppErrorCode.INVALID_TWO_FACTOR_CODE },
    });
    await api.security.confirmStepUp({ password: user.password, code: nextCode(key, 1) });
    await expect(requireRecentStepUp(services, session)).resolves.toBeUndefined();
    // A logged-out session cannot step up, nor use an earlier proof.
    await endSession(services, actor.sessionId);
    await expect(requireRecentStepUp(services, session)).rejects.toMatchObject({
      code: AppErrorCode.STEP_UP_REQUIRED,
    });
  });

  it("accepts the password alone as the step-up of an account without two-factor", async () => {
    const user = await createTestUser(services.db, { tag: "no-2fa" });
    const actor = await signInTestUser(services, user.id);
    await expect(
      callTraderApi(services, actor).security.confirmStepUp({ password: user.password }),
    ).resolves.toMatchObject({ validUntil: expect.any(Date) });
    await expect(
      callTraderApi(services, { kind: "user", userId: user.id }).security.confirmStepUp({
        password: user.password,
      }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
