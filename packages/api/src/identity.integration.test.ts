import { hashPassword } from "@exchange/db/password";
import { SEED_STAFF } from "@exchange/db/seed-data";
import { AppErrorCode } from "@exchange/domains/errors";
import {
  beginLogInEnrolment,
  confirmLogInEnrolment,
  logInWithCode,
  logInWithPassword,
  redeemSignInTicket,
} from "@exchange/domains/identity/log-in";
import { hashToken } from "@exchange/domains/identity/one-time-token";
import { currentSessionUser } from "@exchange/domains/identity/sessions";
import { createStaffEnrolmentLink } from "@exchange/domains/identity/staff-enrolment";
import { base32Decode, hotp, totpCode, totpStep } from "@exchange/domains/identity/totp";
import { latestMailTo, linkIn, mailsTo, tokenIn } from "@exchange/domains/testing/mail";
import { closeServices, testServices, uniqueTestIp } from "@exchange/domains/testing/test-services";
import { signInTestUser } from "@exchange/domains/testing/test-users";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callTraderApi } from "./testing/callers";
import type { Services } from "./trpc/context";

let services: Services;
beforeAll(async () => {
  services = await testServices();
});
afterAll(() => closeServices(services));

const PASSWORD = "correct-horse-42";
const email = (tag: string) => `${tag}-${Math.random().toString(36).slice(2, 8)}@example.test`;

/** Registers through the API (as the web app does) and returns the verification mail. */
async function register(address: string, ip = uniqueTestIp()) {
  await callTraderApi(services, undefined, ip).auth.register({
    email: address,
    password: PASSWORD,
  });
  const mail = await latestMailTo(address, { subject: /Verify your email/ });
  const user = await services.db.user.findUniqueOrThrow({
    where: { email: address },
    select: { id: true, email: true },
  });
  return { user, mail };
}

async function registerVerified(address: string) {
  const { user, mail } = await register(address);
  await callTraderApi(services).auth.verifyEmail({ token: tokenIn(mail, "/verify-email") });
  return user;
}

const SESSION_MAX_AGE_S = 3600;

const logIn = (address: string, password = PASSWORD, ip = uniqueTestIp()) =>
  logInWithPassword(services, { kind: "user", email: address, password, ip });

const signedInActor = (userId: number) => signInTestUser(services, userId);

describe("registration and email verification", () => {
  it("mails a link to the web app that verifies the address, then log-in works", async () => {
    const address = email("verify");
    const { user, mail } = await register(address);
    expect(mail.subject).toBe("Verify your email for Exchange");
    expect(mail.from).toContain("no-reply@exchange.test");
    const link = linkIn(mail, "/verify-email");
    expect(link.origin).toBe("http://web.exchange.test");
    expect(mail.html).toContain(link.toString().replace(/&/g, "&amp;"));

    // Only the token's hash is stored.
    const token = tokenIn(mail, "/verify-email");
    const row = await services.db.authToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(row.tokenHash).not.toContain(token);

    await expect(logIn(address)).rejects.toMatchObject({ code: AppErrorCode.EMAIL_NOT_VERIFIED });
    const verified = await callTraderApi(services).auth.verifyEmail({ token });
    expect(verified).toEqual({ email: address, alreadyVerified: false });
    const result = await logIn(address);
    expect(result.next).toBe("signed-in");
    if (result.next !== "signed-in") return;
    await expect(
      redeemSignInTicket(services, {
        kind: "user",
        ticket: result.ticket,
        sessionMaxAgeS: SESSION_MAX_AGE_S,
      }),
    ).resolves.toMatchObject({ id: user.id });
    // A ticket signs in once.
    await expect(
      redeemSignInTicket(services, {
        kind: "user",
        ticket: result.ticket,
        sessionMaxAgeS: SESSION_MAX_AGE_S,
      }),
    ).rejects.toMatchObject({ code: AppErrorCode.INVALID_CREDENTIALS });
  });

  it("tells a reused link it was used (already verified), and refuses unknown and expired ones", async () => {
    const address = email("reuse");
    const { user, mail } = await register(address);
    const token = tokenIn(mail, "/verify-email");
    await callTraderApi(services).auth.verifyEmail({ token });
    await expect(callTraderApi(services).auth.verifyEmail({ token })).resolves.toEqual({
      email: address,
      alreadyVerified: true,
    });

    await expect(
      callTraderApi(services).auth.verifyEmail({ token: "A".repeat(43) }),
    ).rejects.toMatchObject({ cause: { code: AppErrorCode.TOKEN_INVALID } });
    await expect(
      callTraderApi(services).auth.verifyEmail({ token: "bad token!" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });

    // An expired link: the address stays unverified.
    const other = email("expired");
    const second = await register(other);
    const expiredToken = tokenIn(second.mail, "/verify-email");
    await services.db.authToken.update({
      where: { tokenHash: hashToken(expiredToken) },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });
    await expect(
      callTraderApi(services).auth.verifyEmail({ token: expiredToken }),
    ).rejects.toMatchObject({ cause: { code: AppErrorCode.TOKEN_EXPIRED } });
    const row = await services.db.user.findUniqueOrThrow({ where: { email: other } });
    expect(row.emailVerifiedAt).toBeNull();
    expect(user.id).not.toBe(row.id);
  });

  it("resends the verification mail once a minute per account, silently for unknown emails", async () => {
    const address = email("resend");
    const { mail: first } = await register(address);
    const api = callTraderApi(services);
    // One resend goes out at once; another within the minute is refused.
    await expect(api.auth.resendVerification({ email: address })).resolves.toEqual({
      accepted: true,
    });
    const second = await latestMailTo(address, { after: first });
    await expect(api.auth.resendVerification({ email: address })).rejects.toMatchObject({
      cause: {
        code: AppErrorCode.RATE_LIMITED,
        message: expect.stringMatching(/try again in \d+ seconds/),
      },
    });
    expect((await mailsTo(address)).length).toBe(2);
    // Both links work until used (the newer does not void the older).
    await api.auth.verifyEmail({ token: tokenIn(second, "/verify-email") });

    const nobody = email("nobody");
    await expect(api.auth.resendVerification({ email: nobody })).resolves.toEqual({
      accepted: true,
    });
    expect(await mailsTo(nobody)).toEqual([]);
  });
});

describe("password reset", () => {
  it("mails a single-use link; the new password works and the old one no longer does", async () => {
    const address = email("reset");
    const user = await registerVerified(address);
    await callTraderApi(services).auth.requestPasswordReset({ email: address });
    const mail = await latestMailTo(address, { subject: /Reset your Exchange password/ });
    const token = tokenIn(mail, "/reset-password");

    await expect(
      callTraderApi(services).auth.resetPassword({ token, password: "short" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const before = await signedInActor(user.id);
    await expect(
      currentSessionUser(services, { userId: user.id, sessionId: before.sessionId }),
    ).resolves.toMatchObject({ id: user.id });
    await callTraderApi(services).auth.resetPassword({ token, password: "new-password-77" });
    // Sessions begun before the reset are over on the server; a new log-in's session stands.
    await expect(
      currentSessionUser(services, { userId: user.id, sessionId: before.sessionId }),
    ).resolves.toBeNull();
    const after = await signedInActor(user.id);
    await expect(
      currentSessionUser(services, { userId: user.id, sessionId: after.sessionId }),
    ).resolves.toMatchObject({ id: user.id });

    await expect(logIn(address)).rejects.toMatchObject({ code: AppErrorCode.INVALID_CREDENTIALS });
    await expect(logIn(address, "new-password-77")).resolves.toMatchObject({ next: "signed-in" });
    await expect(
      callTraderApi(services).auth.resetPassword({ token, password: "third-password-88" }),
    ).rejects.toMatchObject({ cause: { code: AppErrorCode.TOKEN_USED } });
    await expect(logIn(address, "new-password-77")).resolves.toMatchObject({ next: "signed-in" });
    const audit = await services.db.auditLog.findFirst({
      where: { action: "user.password_reset", actorId: String(user.id) },
    });
    expect(audit).not.toBeNull();
  });

  it("refuses an expired reset link and keeps the password", async () => {
    const address = email("reset-exp");
    await registerVerified(address);
    await callTraderApi(services).auth.requestPasswordReset({ email: address });
    const token = tokenIn(await latestMailTo(address, { subject: /Reset/ }), "/reset-password");
    await services.db.authToken.update({
      where: { tokenHash: hashToken(token) },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    await expect(
      callTraderApi(services).auth.resetPassword({ token, password: "new-password-77" }),
    ).rejects.toMatchObject({ cause: { code: AppErrorCode.TOKEN_EXPIRED } });
    await expect(logIn(address)).resolves.toMatchObject({ next: "signed-in" });
  });

  it("answers an unknown email the same, and sends nothing", async () => {
    const nobody = email("reset-nobody");
    await expect(
      callTraderApi(services).auth.requestPasswordReset({ email: nobody }),
    ).resolves.toEqual({ accepted: true });
    expect(await mailsTo(nobody)).toEqual([]);
  });
});

describe("rate limits", () => {
  it("locks an account after 10 failures in 15 minutes, from any address, even for the right password", async () => {
    const address = email("lock");
    await registerVerified(address);
    for (let i = 0; i < 10; i++) {
      await expect(logIn(address, "wrong-password-1")).rejects.toMatchObject({
        code: AppErrorCode.INVALID_CREDENTIALS,
      });
    }
    const locked = await logIn(address).catch((error: unknown) => error);
    expect(locked).toMatchObject({
      code: AppErrorCode.RATE_LIMITED,
      message: "Too many failed log-in attempts. Please try again in 15 minutes.",
    });
    // Another account is unaffected.
    const other = email("unlocked");
    await registerVerified(other);
    await expect(logIn(other)).resolves.toMatchObject({ next: "signed-in" });
  });

  it("limits one address to 30 failures across accounts", async () => {
    const ip = uniqueTestIp();
    for (let i = 0; i < 30; i++) {
      await expect(logIn(email("spray"), "wrong-password-1", ip)).rejects.toMatchObject({
        code: AppErrorCode.INVALID_CREDENTIALS,
      });
    }
    const address = email("behind-nat");
    await registerVerified(address);
    await expect(logIn(address, PASSWORD, ip)).rejects.toMatchObject({
      code: AppErrorCode.RATE_LIMITED,
    });
    await expect(logIn(address, PASSWORD, uniqueTestIp())).resolves.toMatchObject({
      next: "signed-in",
    });
  }, 60_000);

  it("sends at most 10 verification or reset mails per address per hour", async () => {
    const ip = uniqueTestIp();
    const api = callTraderApi(services, undefined, ip);
    for (let i = 0; i < 10; i++) {
      await api.auth.requestPasswordReset({ email: email("mail-flood") });
    }
    await expect(api.auth.resendVerification({ email: email("mail-flood") })).rejects.toMatchObject(
      {
        cause: {
          code: AppErrorCode.RATE_LIMITED,
          message: "Too many emails sent. Please try again in 60 minutes.",
        },
      },
    );
  });

  it("allows 5 registrations per address per hour", async () => {
    const ip = uniqueTestIp();
    for (let i = 0; i < 5; i++) await register(email("reg"), ip);
    const before = await services.db.user.count();
    await expect(
      callTraderApi(services, undefined, ip).auth.register({
        email: email("reg6"),
        password: PASSWORD,
      }),
    ).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      cause: { code: AppErrorCode.RATE_LIMITED, retryAfterS: expect.any(Number) },
    });
    expect(await services.db.user.count()).toBe(before);
  });
});

/** Enrols a verified user in two-factor; returns the secret and recovery codes. */
async function enrol(userId: number) {
  const api = callTraderApi(services, await signedInActor(userId));
  const enrolment = await api.security.beginTwoFactor();
  const secret = base32Decode(enrolment.secret);
  const { recoveryCodes } = await api.security.confirmTwoFactor({
    code: totpCode(secret, Date.now()),
  });
  return { api, secret, recoveryCodes, enrolment };
}

describe("two-factor for traders", () => {
  it("enrols with a QR code and a code, then log-in asks for a code and refuses a replay", async () => {
    const address = email("tfa");
    const user = await registerVerified(address);
    const { api, secret, recoveryCodes, enrolment } = await enrol(user.id);
    expect(enrolment.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(enrolment.otpauthUri).toContain(`secret=${enrolment.secret}`);
    expect(recoveryCodes).toHaveLength(10);
    // Encrypted at rest: the stored value is not the secret.
    const row = await services.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.totpSecret).not.toContain(enrolment.secret);
    expect(row.totpSecret).toMatch(/^v1\./);
    await expect(api.security.twoFactorStatus()).resolves.toMatchObject({
      enabled: true,
      recoveryCodesLeft: 10,
    });

    const step = await logIn(address);
    expect(step.next).toBe("code");
    if (step.next !== "code") return;
    // The code used to enrol is spent; its step cannot sign in.
    const enrolStep = Number(row.totpLastStep);
    await expect(
      logInWithCode(services, {
        challenge: step.challenge,
        code: hotp(secret, enrolStep),
        ip: "10.9.9.9",
      }),
    ).rejects.toMatchObject({ code: AppErrorCode.INVALID_TWO_FACTOR_CODE });
    await expect(
      logInWithCode(services, { challenge: step.challenge, code: "000000", ip: "10.9.9.9" }),
    ).rejects.toMatchObject({ code: AppErrorCode.INVALID_TWO_FACTOR_CODE });
    const next = hotp(secret, enrolStep + 1);
    const { ticket } = await logInWithCode(services, {
      challenge: step.challenge,
      code: next,
      ip: "10.9.9.9",
    });
    await expect(
      redeemSignInTicket(services, { kind: "user", ticket, sessionMaxAgeS: SESSION_MAX_AGE_S }),
    ).resolves.toMatchObject({
      id: user.id,
    });
    // The challenge is spent, and the same code again is a replay.
    await expect(
      logInWithCode(services, { challenge: step.challenge, code: next, ip: "10.9.9.9" }),
    ).rejects.toMatchObject({ code: AppErrorCode.TOKEN_EXPIRED });
    const again = await logIn(address);
    if (again.next !== "code") throw new Error("expected a code step");
    await expect(
      logInWithCode(services, { challenge: again.challenge, code: next, ip: "10.9.9.9" }),
    ).rejects.toMatchObject({ code: AppErrorCode.INVALID_TWO_FACTOR_CODE });
  });

  it("accepts each recovery code once, then disables with a code and audits both changes", async () => {
    const address = email("recovery");
    const user = await registerVerified(address);
    const { api, recoveryCodes, secret } = await enrol(user.id);
    const [first = "", second = ""] = recoveryCodes;

    const step = await logIn(address);
    if (step.next !== "code") throw new Error("expected a code step");
    await logInWithCode(services, {
      challenge: step.challenge,
      code: first.toLowerCase(),
      ip: undefined,
    });
    const reuse = await logIn(address);
    if (reuse.next !== "code") throw new Error("expected a code step");
    await expect(
      logInWithCode(services, { challenge: reuse.challenge, code: first, ip: undefined }),
    ).rejects.toMatchObject({ code: AppErrorCode.INVALID_TWO_FACTOR_CODE });
    await expect(api.security.twoFactorStatus()).resolves.toMatchObject({ recoveryCodesLeft: 9 });

    // Disabling needs the password and a valid code; a wrong code changes nothing.
    await expect(
      api.security.disableTwoFactor({ stepUp: { password: PASSWORD, code: "123456" } }),
    ).rejects.toMatchObject({
      cause: {
        code: AppErrorCode.INVALID_TWO_FACTOR_CODE,
        fieldErrors: { code: expect.any(Array) },
      },
    });
    await expect(api.security.twoFactorStatus()).resolves.toMatchObject({ enabled: true });
    await api.security.disableTwoFactor({ stepUp: { password: PASSWORD, code: second } });
    await expect(api.security.twoFactorStatus()).resolves.toEqual({
      enabled: false,
      enabledAt: null,
      recoveryCodesLeft: 0,
    });
    await expect(logIn(address)).resolves.toMatchObject({ next: "signed-in" });
    expect(
      await services.db.recoveryCode.count({ where: { ownerType: "USER", ownerId: user.id } }),
    ).toBe(0);
    const actions = (
      await services.db.auditLog.findMany({
        where: { actorType: "USER", actorId: String(user.id) },
      })
    ).map((row) => row.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "user.two_factor_enabled",
        "user.recovery_code_used",
        "user.two_factor_disabled",
      ]),
    );
    void secret;
  });

  it("refuses a wrong code at enrolment and keeps two-factor off", async () => {
    const user = await registerVerified(email("tfa-wrong"));
    const api = callTraderApi(services, { kind: "user", userId: user.id });
    const { secret } = await api.security.beginTwoFactor();
    const wrong = hotp(base32Decode(secret), totpStep(Date.now()) + 5);
    await expect(api.security.confirmTwoFactor({ code: wrong })).rejects.toMatchObject({
      cause: { code: AppErrorCode.INVALID_TWO_FACTOR_CODE },
    });
    await expect(api.security.confirmTwoFactor({ code: "12ab56" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(api.security.twoFactorStatus()).resolves.toMatchObject({ enabled: false });
  });
});

async function newStaffWithoutTwoFactor() {
  return services.db.staff.create({
    data: {
      email: email("new-staff"),
      name: "Nia New",
      roles: ["COMPLIANCE"],
      passwordHash: await hashPassword(PASSWORD),
    },
  });
}

const seededAdmin = () =>
  services.db.staff.findFirstOrThrow({ where: { roles: { equals: ["ADMIN"] }, active: true } });

describe("staff two-factor", () => {
  it("asks seeded staff for a code and audits the log-in once it is given", async () => {
    const finance = SEED_STAFF.find((s) => s.role === "FINANCE");
    if (!finance) throw new Error("no seeded finance staff");
    const step = await logInWithPassword(services, {
      kind: "staff",
      email: finance.email,
      password: finance.password,
      ip: "10.0.0.7",
    });
    expect(step.next).toBe("code");
    if (step.next !== "code") return;
    const before = await services.db.auditLog.count({ where: { action: "staff.login" } });
    const staff = await services.db.staff.findUniqueOrThrow({ where: { email: finance.email } });
    const lastStep =
      staff.totpLastStep === null ? totpStep(Date.now()) - 1 : Number(staff.totpLastStep);
    const code = hotp(
      base32Decode(finance.totpSecret),
      Math.max(lastStep + 1, totpStep(Date.now())),
    );
    const { ticket } = await logInWithCode(services, {
      challenge: step.challenge,
      code,
      ip: "10.0.0.7",
    });
    await expect(
      redeemSignInTicket(services, { kind: "staff", ticket, sessionMaxAgeS: SESSION_MAX_AGE_S }),
    ).resolves.toMatchObject({
      id: staff.id,
    });
    expect(await services.db.auditLog.count({ where: { action: "staff.login" } })).toBe(before + 1);
    const entry = await services.db.auditLog.findFirstOrThrow({
      where: { action: "staff.login", actorId: String(staff.id) },
      orderBy: { id: "desc" },
    });
    expect(entry.ip).toBe("10.0.0.7");
  });

  it("makes staff without two-factor enrol, with an administrator's set-up link, before signing in", async () => {
    const staff = await newStaffWithoutTwoFactor();
    const admin = await seededAdmin();
    const link = await createStaffEnrolmentLink(services, {
      staffId: staff.id,
      adminId: admin.id,
      ip: "10.0.0.9",
    });
    const step = await logInWithPassword(services, {
      kind: "staff",
      email: staff.email,
      password: PASSWORD,
      ip: undefined,
      enrolmentToken: link.token,
    });
    expect(step.next).toBe("enrol");
    if (step.next !== "enrol") return;
    // The enrol challenge is not a code challenge: it cannot skip enrolment.
    await expect(
      logInWithCode(services, { challenge: step.challenge, code: "123456", ip: undefined }),
    ).rejects.toMatchObject({ code: AppErrorCode.TOKEN_EXPIRED });
    const enrolment = await beginLogInEnrolment(services, { challenge: step.challenge });
    expect(enrolment.otpauthUri).toContain("Exchange%20Admin");
    const { ticket, recoveryCodes } = await confirmLogInEnrolment(services, {
      challenge: step.challenge,
      code: totpCode(base32Decode(enrolment.secret), Date.now()),
      ip: undefined,
    });
    expect(recoveryCodes).toHaveLength(10);
    await expect(
      redeemSignInTicket(services, { kind: "staff", ticket, sessionMaxAgeS: SESSION_MAX_AGE_S }),
    ).resolves.toMatchObject({
      id: staff.id,
    });
    await expect(
      redeemSignInTicket(services, { kind: "user", ticket, sessionMaxAgeS: SESSION_MAX_AGE_S }),
    ).rejects.toMatchObject({
      code: AppErrorCode.INVALID_CREDENTIALS,
    });
    const actions = (
      await services.db.auditLog.findMany({
        where: { actorType: "STAFF", actorId: String(staff.id) },
      })
    ).map((row) => row.action);
    expect(actions).toEqual(["staff.two_factor_enabled", "staff.login"]);
    // The link worked once.
    const linkRow = await services.db.staffEnrolmentLink.findFirstOrThrow({
      where: { staffId: staff.id },
    });
    expect(linkRow.usedAt).not.toBeNull();
    // Next time: a code, not enrolment.
    const again = await logInWithPassword(services, {
      kind: "staff",
      email: staff.email,
      password: PASSWORD,
      ip: undefined,
    });
    expect(again.next).toBe("code");
  });

  it("refuses a staff member's first enrolment on the password alone (a stolen password cannot enrol an attacker's app)", async () => {
    const staff = await newStaffWithoutTwoFactor();
    const logInWith = (enrolmentToken?: string) =>
      logInWithPassword(services, {
        kind: "staff",
        email: staff.email,
        password: PASSWORD,
        ip: undefined,
        enrolmentToken,
      });
    await expect(logInWith()).rejects.toMatchObject({
      code: AppErrorCode.TWO_FACTOR_STATE,
      message: expect.stringContaining("set-up link from an administrator"),
    });
    await expect(logInWith("A".repeat(43))).rejects.toMatchObject({
      code: AppErrorCode.TWO_FACTOR_STATE,
    });
    // Another staff member's link does not open this one's enrolment.
    const other = await newStaffWithoutTwoFactor();
    const admin = await seededAdmin();
    const othersLink = await createStaffEnrolmentLink(services, {
      staffId: other.id,
      adminId: admin.id,
      ip: undefined,
    });
    await expect(logInWith(othersLink.token)).rejects.toMatchObject({
      code: AppErrorCode.TWO_FACTOR_STATE,
    });
    // An expired link neither.
    const own = await createStaffEnrolmentLink(services, {
      staffId: staff.id,
      adminId: admin.id,
      ip: undefined,
    });
    await services.db.staffEnrolmentLink.updateMany({
      where: { tokenHash: hashToken(own.token) },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });
    await expect(logInWith(own.token)).rejects.toMatchObject({
      code: AppErrorCode.TWO_FACTOR_STATE,
      message: expect.stringContaining("expired"),
    });
    const audit = await services.db.auditLog.findFirst({
      where: { action: "staff.enrolment_link_created", targetId: String(staff.id) },
    });
    expect(audit).toMatchObject({ actorType: "STAFF", actorId: String(admin.id) });
    expect(await services.db.staff.findUniqueOrThrow({ where: { id: staff.id } })).toMatchObject({
      totpEnabledAt: null,
    });
  });

  it("refuses a trader's password at the staff log-in", async () => {
    await expect(
      logInWithPassword(services, {
        kind: "staff",
        email: "trader@exchange.local",
        password: "trader-dev-pass-1",
        ip: undefined,
      }),
    ).rejects.toMatchObject({ code: AppErrorCode.INVALID_CREDENTIALS });
  });
});
