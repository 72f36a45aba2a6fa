import { verifyPassword } from "@exchange/db/password";
import { AppError, AppErrorCode } from "@exchange/domains/errors";
import {
  issueTicket,
  logInWithPassword,
  redeemSignInTicket,
} from "@exchange/domains/identity/log-in";
import { revokeMyOtherSessions, sessionHandle } from "@exchange/domains/identity/session-list";
import { currentSessionUser } from "@exchange/domains/identity/sessions";
import { base32Decode, totpCode } from "@exchange/domains/identity/totp";
import { verifySecondFactor } from "@exchange/domains/identity/two-factor";
import { submitKyc } from "@exchange/domains/kyc/kyc-submissions";
import { KYC_FIXTURE_FIELDS, kycFixtureFiles } from "@exchange/domains/testing/kyc-fixtures";
import { latestMailTo, tokenIn } from "@exchange/domains/testing/mail";
import { closeServices, testServices, uniqueTestIp } from "@exchange/domains/testing/test-services";
import { createTestUser, type TestUser } from "@exchange/domains/testing/test-users";
import { sessionRevocationChannel } from "@exchange/protocol";
import { runVar } from "@exchange/protocol/testing";
import { TRPCError } from "@trpc/server";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callTraderApi } from "./testing/callers";
import type { Services } from "./trpc/context";
import { traderRouter } from "./trpc/trader/router";
import { createCallerFactory } from "./trpc/trpc";

const MAC_CHROME =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const IPHONE_SAFARI =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

let services: Services;
let listener: Redis;
const revocations: string[] = [];
const traderCaller = createCallerFactory(traderRouter);

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

/** A browser signing in as the web app does: a ticket redeemed with its address and user agent. */
async function signInFrom(user: TestUser, client: { ip: string; userAgent: string }) {
  const ticket = await issueTicket(services, "user", user.id, "password");
  const { sessionId } = await redeemSignInTicket(services, {
    kind: "user",
    ticket,
    sessionMaxAgeS: 3600,
    client,
  });
  const actor = { kind: "user", userId: user.id, sessionId } as const;
  return { sessionId, api: traderCaller({ actor, services, ...client }) };
}

async function stands(user: TestUser, sessionId: string): Promise<boolean> {
  return (await currentSessionUser(services, { userId: user.id, sessionId })) !== null;
}

async function appErrorOf(call: Promise<unknown>): Promise<AppError> {
  const error = await call.then(
    () => expect.fail("the call was accepted"),
    (e: unknown) => e,
  );
  const cause = error instanceof TRPCError ? error.cause : error;
  expect(cause).toBeInstanceOf(AppError);
  return cause as AppError;
}

async function waitForRevocation(expected: { u: number; s: string | null }): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    if (revocations.some((m) => JSON.stringify(JSON.parse(m)) === JSON.stringify(expected))) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no revocation ${JSON.stringify(expected)}`);
}

/** Failed attempts at the account: the actor is the system (whoever typed), the account the target. */
function failedLogInsAt(userId: number) {
  return services.db.auditLog.findMany({
    where: {
      actorType: "SYSTEM",
      targetType: "user",
      targetId: String(userId),
      action: "user.login_failed",
    },
    orderBy: { id: "desc" },
  });
}

function auditOf(userId: number, action: string) {
  return services.db.auditLog.findMany({
    where: { actorType: "USER", actorId: String(userId), action },
    orderBy: { id: "desc" },
  });
}

describe("sessions keep where they were opened", () => {
  it("lists the trader's sessions with address and device, this one marked", async () => {
    const user = await createTestUser(services.db, { tag: "sessions" });
    const laptop = await signInFrom(user, { ip: "198.51.100.10", userAgent: MAC_CHROME });
    const phone = await signInFrom(user, { ip: "198.51.100.20", userAgent: IPHONE_SAFARI });

    const sessions = await laptop.api.security.sessions();
    expect(sessions).toHaveLength(2);
    expect(sessions).toContainEqual(
      expect.objectContaining({
        ip: "198.51.100.10",
        device: { browser: "Chrome", os: "macOS" },
        current: true,
      }),
    );
    expect(sessions).toContainEqual(
      expect.objectContaining({
        ip: "198.51.100.20",
        device: { browser: "Safari", os: "iOS" },
        current: false,
        handle: sessionHandle(phone.sessionId),
      }),
    );
    // The secret the cookie carries never leaves the server.
    expect(JSON.stringify(sessions)).not.toContain(phone.sessionId);
  });

  it("ends one of the trader's own sessions, and says NOT_FOUND for anyone else's", async () => {
    const owner = await createTestUser(services.db, { tag: "owner" });
    const stranger = await createTestUser(services.db, { tag: "stranger" });
    const ownerLaptop = await signInFrom(owner, { ip: "198.51.100.30", userAgent: MAC_CHROME });
    const ownerPhone = await signInFrom(owner, { ip: "198.51.100.31", userAgent: IPHONE_SAFARI });
    const strangerSession = await signInFrom(stranger, {
      ip: "203.0.113.9",
      userAgent: MAC_CHROME,
    });

    const refused = await appErrorOf(
      strangerSession.api.security.revokeSession({ handle: sessionHandle(ownerPhone.sessionId) }),
    );
    expect(refused.code).toBe(AppErrorCode.NOT_FOUND);
    expect(await stands(owner, ownerPhone.sessionId)).toBe(true);

    await ownerLaptop.api.security.revokeSession({ handle: sessionHandle(ownerPhone.sessionId) });
    expect(await stands(owner, ownerPhone.sessionId)).toBe(false);
    expect(await stands(owner, ownerLaptop.sessionId)).toBe(true);
    await waitForRevocation({ u: owner.id, s: ownerPhone.sessionId });
    const [entry] = await auditOf(owner.id, "user.sessions_revoked");
    expect(entry).toMatchObject({ ip: "198.51.100.30", userAgent: MAC_CHROME });
  });

  it("logs out everywhere else and keeps this session", async () => {
    const user = await createTestUser(services.db, { tag: "everywhere" });
    const here = await signInFrom(user, { ip: "198.51.100.40", userAgent: MAC_CHROME });
    const a = await signInFrom(user, { ip: "198.51.100.41", userAgent: IPHONE_SAFARI });
    const b = await signInFrom(user, { ip: "198.51.100.42", userAgent: IPHONE_SAFARI });

    await expect(here.api.security.revokeOtherSessions()).resolves.toEqual({ revoked: 2 });
    expect(await stands(user, here.sessionId)).toBe(true);
    expect(await stands(user, a.sessionId)).toBe(false);
    expect(await stands(user, b.sessionId)).toBe(false);
    await waitForRevocation({ u: user.id, s: b.sessionId });
    expect(await here.api.security.sessions()).toHaveLength(1);
  });
});

describe("changing the password while logged in", () => {
  it("ends every other session, keeps this one, records and mails it", async () => {
    const user = await createTestUser(services.db, { tag: "change-password" });
    await services.db.user.update({ where: { id: user.id }, data: { locale: "zh-CN" } });
    const here = await signInFrom(user, { ip: "198.51.100.50", userAgent: MAC_CHROME });
    const elsewhere = await signInFrom(user, { ip: "198.51.100.51", userAgent: IPHONE_SAFARI });

    await expect(
      here.api.security.changePassword({
        currentPassword: user.password,
        newPassword: "a-brand-new-pass-7",
      }),
    ).resolves.toEqual({ otherSessionsEnded: 1 });

    expect(await stands(user, here.sessionId)).toBe(true);
    expect(await stands(user, elsewhere.sessionId)).toBe(false);
    await waitForRevocation({ u: user.id, s: elsewhere.sessionId });
    const row = await services.db.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { passwordHash: true, passwordChangedAt: true },
    });
    expect(await verifyPassword(row.passwordHash, "a-brand-new-pass-7")).toBe(true);
    expect(row.passwordChangedAt).not.toBeNull();
    const [entry] = await auditOf(user.id, "user.password_changed");
    expect(entry).toMatchObject({ ip: "198.51.100.50", after: { otherSessionsEnded: 1 } });
    // The owner hears of it in their own language, with the way back.
    const mail = await latestMailTo(user.email, { subject: /密码已修改/ });
    expect(mail.text).toContain("/forgot-password");
  });

  it("kills a reset link mailed before the change, so it cannot undo it", async () => {
    const user = await createTestUser(services.db, { tag: "reset-then-change" });
    await callTraderApi(services, undefined, uniqueTestIp()).auth.requestPasswordReset({
      email: user.email,
    });
    const token = tokenIn(await latestMailTo(user.email), "/reset-password");
    const here = await signInFrom(user, { ip: uniqueTestIp(), userAgent: MAC_CHROME });
    await here.api.security.changePassword({
      currentPassword: user.password,
      newPassword: "a-brand-new-pass-8",
    });

    const refused = await appErrorOf(
      callTraderApi(services).auth.resetPassword({ token, password: "the-thiefs-pass-1" }),
    );
    expect(refused.code).toBe(AppErrorCode.TOKEN_USED);
    expect(await stands(user, here.sessionId)).toBe(true);
  });

  it("refuses an account-wide change from a session revoked in the meantime", async () => {
    const user = await createTestUser(services.db, { tag: "revoked-meanwhile" });
    const owner = await signInFrom(user, { ip: uniqueTestIp(), userAgent: MAC_CHROME });
    const thief = await signInFrom(user, { ip: uniqueTestIp(), userAgent: IPHONE_SAFARI });
    await owner.api.security.revokeSession({ handle: sessionHandle(thief.sessionId) });

    // The thief's request passed the door before the revocation; the change itself re-checks.
    const refused = await appErrorOf(
      revokeMyOtherSessions(services, { userId: user.id, sessionId: thief.sessionId }, {}),
    );
    expect(refused.code).toBe(AppErrorCode.UNAUTHENTICATED);
    expect(await stands(user, owner.sessionId)).toBe(true);
  });

  it("changes nothing when the current password is wrong", async () => {
    const user = await createTestUser(services.db, { tag: "wrong-current" });
    const here = await signInFrom(user, { ip: uniqueTestIp(), userAgent: MAC_CHROME });
    const elsewhere = await signInFrom(user, { ip: uniqueTestIp(), userAgent: IPHONE_SAFARI });

    const error = await appErrorOf(
      here.api.security.changePassword({
        currentPassword: "not-my-password-1",
        newPassword: "a-brand-new-pass-7",
      }),
    );
    expect(error.code).toBe(AppErrorCode.WRONG_PASSWORD);
    expect(error.fieldErrors?.currentPassword).toBeDefined();
    expect(await stands(user, elsewhere.sessionId)).toBe(true);
    const row = await services.db.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { passwordHash: true },
    });
    expect(await verifyPassword(row.passwordHash, user.password)).toBe(true);
    expect(await auditOf(user.id, "user.password_changed")).toHaveLength(0);
  });

  it("refuses a new password the registration would refuse, or the same one again", async () => {
    const user = await createTestUser(services.db, { tag: "weak-new" });
    const here = await signInFrom(user, { ip: uniqueTestIp(), userAgent: MAC_CHROME });
    const weak = await here.api.security
      .changePassword({ currentPassword: user.password, newPassword: "short" })
      .catch((e: TRPCError) => e);
    expect(weak).toBeInstanceOf(TRPCError);
    const same = await appErrorOf(
      here.api.security.changePassword({
        currentPassword: user.password,
        newPassword: user.password,
      }),
    );
    expect(same.fieldErrors?.newPassword).toBeDefined();
  });
});

describe("log-ins in the audit log", () => {
  it("records successful and failed log-ins with address and device, and shows them to the owner", async () => {
    const user = await createTestUser(services.db, { tag: "log-ins" });
    const ip = uniqueTestIp();
    await expect(
      logInWithPassword(services, {
        kind: "user",
        email: user.email,
        password: "wrong-password-1",
        ip,
        userAgent: IPHONE_SAFARI,
      }),
    ).rejects.toMatchObject({ code: AppErrorCode.INVALID_CREDENTIALS });
    const step = await logInWithPassword(services, {
      kind: "user",
      email: user.email,
      password: user.password,
      ip,
      userAgent: MAC_CHROME,
    });
    expect(step.next).toBe("signed-in");
    const ticket = step.next === "signed-in" ? step.ticket : "";
    const { sessionId } = await redeemSignInTicket(services, {
      kind: "user",
      ticket,
      sessionMaxAgeS: 3600,
      client: { ip, userAgent: MAC_CHROME },
    });

    expect(await auditOf(user.id, "user.login_failed")).toEqual([]);
    const [failed] = await failedLogInsAt(user.id);
    expect(failed).toMatchObject({
      ip,
      userAgent: IPHONE_SAFARI,
      after: { reason: "wrong-password" },
    });
    expect(JSON.stringify({ ...failed, id: undefined })).not.toContain("wrong-password-1");
    const [success] = await auditOf(user.id, "user.logged_in");
    expect(success).toMatchObject({
      ip,
      userAgent: MAC_CHROME,
      after: { secondFactor: "password" },
    });

    const api = callTraderApi(services, { kind: "user", userId: user.id, sessionId });
    const recent = await api.security.recentLogIns();
    expect(recent.map((r) => r.result)).toEqual(["success", "wrong-password"]);
    expect(recent[0]).toMatchObject({ ip, device: { browser: "Chrome", os: "macOS" } });
  });

  it("records a log-in at an unknown email as the system's, with only a hash of the email", async () => {
    const email = `nobody-${crypto.randomUUID()}@example.test`;
    const ip = uniqueTestIp();
    await expect(
      logInWithPassword(services, { kind: "user", email, password: "secret-guess-1", ip }),
    ).rejects.toMatchObject({ code: AppErrorCode.INVALID_CREDENTIALS });
    const rows = await services.db.auditLog.findMany({
      where: { actorType: "SYSTEM", action: "user.login_failed", ip },
    });
    expect(rows).toHaveLength(1);
    const text = JSON.stringify(rows[0], (_k, v) => (typeof v === "bigint" ? String(v) : v));
    expect(text).not.toContain(email);
    expect(text).not.toContain("secret-guess-1");
    expect(rows[0]?.after).toMatchObject({ reason: "unknown-email" });
  });

  it("records the address a KYC submission came from", async () => {
    const user = await createTestUser(services.db, { tag: "kyc-ip", kycLevel: 0 });
    const ip = uniqueTestIp();
    await submitKyc(services, user.id, {
      fields: KYC_FIXTURE_FIELDS,
      files: kycFixtureFiles(),
      client: { ip, userAgent: MAC_CHROME },
    });
    const [entry] = await auditOf(user.id, "kyc.submit");
    expect(entry).toMatchObject({ ip, userAgent: MAC_CHROME });
  });
});

describe("new recovery codes", () => {
  it("replaces the set with the password and a code, and only the new codes work", async () => {
    const user = await createTestUser(services.db, { tag: "recovery" });
    const here = await signInFrom(user, { ip: uniqueTestIp(), userAgent: MAC_CHROME });
    const { secret } = await here.api.security.beginTwoFactor();
    const key = base32Decode(secret);
    const { recoveryCodes: old } = await here.api.security.confirmTwoFactor({
      code: totpCode(key, Date.now()),
    });

    const refused = await appErrorOf(
      here.api.security.regenerateRecoveryCodes({
        stepUp: { password: "not-my-password-1", code: totpCode(key, Date.now() + 30_000) },
      }),
    );
    expect(refused.code).toBe(AppErrorCode.WRONG_PASSWORD);

    const { recoveryCodes } = await here.api.security.regenerateRecoveryCodes({
      stepUp: { password: user.password, code: totpCode(key, Date.now() + 30_000) },
    });
    expect(recoveryCodes).toHaveLength(10);
    expect(recoveryCodes).not.toContain(old[0]);
    const principal = { type: "USER", id: user.id } as const;
    await expect(
      verifySecondFactor(services, principal, { code: old[0] ?? "", ip: undefined }),
    ).rejects.toMatchObject({ code: AppErrorCode.INVALID_TWO_FACTOR_CODE });
    await expect(
      verifySecondFactor(services, principal, { code: recoveryCodes[0] ?? "", ip: undefined }),
    ).resolves.toBe("recovery-code");
    expect(await auditOf(user.id, "user.recovery_codes_regenerated")).toHaveLength(1);
  });
});
