import { hashPassword } from "@exchange/db/password";
import { AppErrorCode } from "@exchange/domains/errors";
import {
  beginLogInEnrolment,
  confirmLogInEnrolment,
  logInWithPassword,
} from "@exchange/domains/identity/log-in";
import {
  chooseInvitedStaffPassword,
  findStaffInvite,
} from "@exchange/domains/identity/staff-invites";
import { base32Decode, totpCode } from "@exchange/domains/identity/totp";
import { latestMailTo, linkIn, mailsTo, tokenIn } from "@exchange/domains/testing/mail";
import { closeServices, staffActor, testServices } from "@exchange/domains/testing/test-services";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TEST_URL, callAdminApi } from "./testing/callers";
import type { Services } from "./trpc/context";

let services: Services;
beforeAll(async () => {
  services = await testServices();
});
afterAll(() => closeServices(services));

const PASSWORD = "staff-horse-42";
const email = (tag: string) => `${tag}-${Math.random().toString(36).slice(2, 8)}@example.test`;

/** A working administrator of this test's own (password and two-factor set). */
async function newAdmin(tag = "admin") {
  const row = await services.db.staff.create({
    data: {
      email: email(tag),
      name: `Admin ${tag}`,
      roles: ["ADMIN"],
      passwordHash: await hashPassword(PASSWORD),
      totpSecret: "v1.x",
      totpEnabledAt: new Date(),
    },
  });
  return { id: row.id, email: row.email, api: callAdminApi(services, staffActor(row.id, "ADMIN")) };
}

const staffRow = (id: number) => services.db.staff.findUniqueOrThrow({ where: { id } });
const auditOf = (action: string, targetId: number) =>
  services.db.auditLog.findMany({ where: { action, targetId: String(targetId) } });

/** Follows an invitation mail to the console: password, then two-factor, as the pages do. */
async function acceptInvite(address: string) {
  const mail = await latestMailTo(address, { subject: /invited/ });
  const token = tokenIn(mail, "/login/invite");
  await chooseInvitedStaffPassword(services, { token, password: PASSWORD, ip: "10.1.1.1" });
  const step = await logInWithPassword(services, {
    kind: "staff",
    email: address,
    password: PASSWORD,
    ip: undefined,
    enrolmentToken: token,
  });
  if (step.next !== "enrol") throw new Error(`expected enrolment, got ${step.next}`);
  const enrolment = await beginLogInEnrolment(services, { challenge: step.challenge });
  return confirmLogInEnrolment(services, {
    challenge: step.challenge,
    code: totpCode(base32Decode(enrolment.secret), Date.now()),
    ip: undefined,
  });
}

describe("staff invitations", () => {
  it("mails the invitee a one-time link with which they choose a password and set up two-factor", async () => {
    const admin = await newAdmin();
    const address = email("invitee");
    const { staffId, expiresAt } = await admin.api.staff.invite({
      email: address.toUpperCase(),
      name: "Ivy Invitee",
      roles: ["FINANCE", "COMPLIANCE"],
    });
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000);
    const listed = (await admin.api.staff.list()).find((m) => m.id === staffId);
    expect(listed).toMatchObject({ email: address, status: "INVITED", twoFactorEnabled: false });
    expect(listed?.roles).toEqual(["COMPLIANCE", "FINANCE"]);
    const mail = await latestMailTo(address);
    expect(mail.subject).toBe("You are invited to the Exchange admin console");
    expect(linkIn(mail, "/login/invite").origin).toBe(ADMIN_TEST_URL);
    // Before the password is chosen, no log-in opens.
    await expect(
      logInWithPassword(services, { kind: "staff", email: address, password: "", ip: undefined }),
    ).rejects.toMatchObject({ code: AppErrorCode.INVALID_CREDENTIALS });

    const { recoveryCodes } = await acceptInvite(address);
    expect(recoveryCodes).toHaveLength(10);
    const member = await staffRow(staffId);
    expect(member.totpEnabledAt).not.toBeNull();
    expect((await admin.api.staff.list()).find((m) => m.id === staffId)?.status).toBe("ACTIVE");
    const [invited] = await auditOf("staff.invited", staffId);
    expect(invited).toMatchObject({ actorId: String(admin.id), ip: "127.0.0.1" });
    expect(invited?.after).toMatchObject({ email: address, roles: ["COMPLIANCE", "FINANCE"] });
    expect(await auditOf("staff.password_chosen", staffId)).toHaveLength(1);
    // The link worked once: it cannot choose a password again.
    await expect(
      chooseInvitedStaffPassword(services, {
        token: tokenIn(mail, "/login/invite"),
        password: "another-pass-99",
        ip: undefined,
      }),
    ).rejects.toMatchObject({ code: AppErrorCode.TOKEN_INVALID });
  });

  it("the link's page knows where the invitee stands: new, password chosen, or done", async () => {
    const admin = await newAdmin();
    const address = email("stages");
    await admin.api.staff.invite({ email: address, name: "Sia Stages", roles: ["FINANCE"] });
    const token = tokenIn(await latestMailTo(address), "/login/invite");
    expect(await findStaffInvite(services, token)).toEqual({
      email: address,
      name: "Sia Stages",
      passwordChosen: false,
    });
    await chooseInvitedStaffPassword(services, { token, password: PASSWORD, ip: undefined });
    expect(await findStaffInvite(services, token)).toMatchObject({ passwordChosen: true });
    await expect(
      chooseInvitedStaffPassword(services, { token, password: "other-pass-77", ip: undefined }),
    ).rejects.toMatchObject({ code: AppErrorCode.TOKEN_USED });
    expect(await findStaffInvite(services, "not-a-token")).toBeNull();
  });

  it("writes the invitation in the console's language", async () => {
    const admin = await newAdmin();
    const address = email("zh-invitee");
    const api = callAdminApi(services, staffActor(admin.id, "ADMIN"), { locale: "zh-CN" });
    await api.staff.invite({ email: address, name: "Li Wei", roles: ["OPERATIONS"] });
    const mail = await latestMailTo(address);
    expect(mail.subject).toBe("邀请您加入 Exchange 管理后台");
  });

  it("refuses an address staff already has, and changes nothing", async () => {
    const admin = await newAdmin();
    const before = await services.db.staff.count();
    await expect(
      admin.api.staff.invite({ email: admin.email, name: "Twin", roles: ["FINANCE"] }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: /already exists/ });
    expect(await services.db.staff.count()).toBe(before);
  });

  it("re-sending replaces the link; withdrawing removes an unused invitation", async () => {
    const admin = await newAdmin();
    const address = email("resend");
    const { staffId } = await admin.api.staff.invite({
      email: address,
      name: "Rex Resend",
      roles: ["OPERATIONS"],
    });
    const first = await latestMailTo(address);
    await admin.api.staff.resendInvite({ staffId });
    const second = await latestMailTo(address, { after: first });
    await expect(
      chooseInvitedStaffPassword(services, {
        token: tokenIn(first, "/login/invite"),
        password: PASSWORD,
        ip: undefined,
      }),
    ).rejects.toMatchObject({ code: AppErrorCode.TOKEN_INVALID });
    expect(tokenIn(second, "/login/invite")).not.toBe(tokenIn(first, "/login/invite"));

    await admin.api.staff.withdrawInvite({ staffId });
    expect(await services.db.staff.findUnique({ where: { id: staffId } })).toBeNull();
    expect(await auditOf("staff.invite_withdrawn", staffId)).toHaveLength(1);
    await expect(
      chooseInvitedStaffPassword(services, {
        token: tokenIn(second, "/login/invite"),
        password: PASSWORD,
        ip: undefined,
      }),
    ).rejects.toMatchObject({ code: AppErrorCode.TOKEN_INVALID });
  });

  it("refuses to withdraw or re-send an invitation already accepted", async () => {
    const admin = await newAdmin();
    const address = email("accepted");
    const { staffId } = await admin.api.staff.invite({
      email: address,
      name: "Ada Accepted",
      roles: ["OPERATIONS"],
    });
    await acceptInvite(address);
    await expect(admin.api.staff.withdrawInvite({ staffId })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(admin.api.staff.resendInvite({ staffId })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect((await staffRow(staffId)).active).toBe(true);
  });

  it("refuses inputs out of bounds before anything is written", async () => {
    const admin = await newAdmin();
    const before = await services.db.staff.count();
    const bad = fc.oneof(
      fc.record({
        email: fc.string({ maxLength: 20 }),
        name: fc.constant("N"),
        roles: fc.constant(["FINANCE"]),
      }),
      fc.record({
        email: fc.constant("ok@example.test"),
        name: fc.oneof(
          fc.constant(""),
          fc.constant(" "),
          fc.string({ minLength: 101, maxLength: 120 }),
          fc.constant("a\u0000b"),
        ),
        roles: fc.constant(["FINANCE"]),
      }),
      fc.record({
        email: fc.constant("ok@example.test"),
        name: fc.constant("N"),
        roles: fc.oneof(
          fc.constant([]),
          fc.constant(["FINANCE", "FINANCE"]),
          fc.constant(["ROOT"]),
        ),
      }),
    );
    await fc.assert(
      fc.asyncProperty(bad, async (input) => {
        if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email.trim())) return;
        await expect(
          admin.api.staff.invite(input as unknown as Parameters<typeof admin.api.staff.invite>[0]),
        ).rejects.toMatchObject({ code: "BAD_REQUEST" });
      }),
      { numRuns: 60 },
    );
    expect(await services.db.staff.count()).toBe(before);
  });
});

describe("roles and deactivation", () => {
  it("changes a member's roles, audited with before and after", async () => {
    const admin = await newAdmin();
    const { staffId } = await admin.api.staff.invite({
      email: email("roles"),
      name: "Rho Roles",
      roles: ["FINANCE"],
    });
    await admin.api.staff.setRoles({ staffId, roles: ["OPERATIONS", "COMPLIANCE"] });
    expect((await staffRow(staffId)).roles).toEqual(["COMPLIANCE", "OPERATIONS"]);
    const [entry] = await auditOf("staff.roles_changed", staffId);
    expect(entry?.before).toEqual({ roles: ["FINANCE"] });
    expect(entry?.after).toEqual({ roles: ["COMPLIANCE", "OPERATIONS"] });
  });

  it("deactivation ends the member's sessions at once; reactivation lets them log in again", async () => {
    const admin = await newAdmin();
    const member = await newAdmin("member");
    const session = await services.db.authSession.create({
      data: {
        id: `s-${member.id}-${Date.now()}`,
        principalType: "STAFF",
        principalId: member.id,
        expiresAt: new Date(Date.now() + 3_600_000),
        steppedUpAt: new Date(),
      },
    });
    await admin.api.staff.setActive({ staffId: member.id, active: false });
    const revoked = await services.db.authSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(revoked.revokedAt).not.toBeNull();
    await expect(member.api.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await admin.api.staff.setActive({ staffId: member.id, active: true });
    await expect(member.api.me()).resolves.toMatchObject({ id: member.id });
    expect(await auditOf("staff.deactivated", member.id)).toHaveLength(1);
    expect(await auditOf("staff.reactivated", member.id)).toHaveLength(1);
  });

  it("refuses to remove the last working administrator, their own role included, and changes nothing", async () => {
    const admin = await newAdmin("last");
    // For this test, the other administrators step aside (files run one at a time).
    const others = await services.db.staff.findMany({
      where: { active: true, roles: { has: "ADMIN" }, id: { not: admin.id } },
      select: { id: true },
    });
    const otherIds = others.map((o) => o.id);
    await services.db.staff.updateMany({
      where: { id: { in: otherIds } },
      data: { active: false },
    });
    try {
      // An invited administrator who has not chosen a password does not count.
      await admin.api.staff.invite({
        email: email("future"),
        name: "Fay Future",
        roles: ["ADMIN"],
      });
      await expect(
        admin.api.staff.setRoles({ staffId: admin.id, roles: ["FINANCE"] }),
      ).rejects.toMatchObject({ code: "CONFLICT", message: /At least one active administrator/ });
      await expect(
        admin.api.staff.setActive({ staffId: admin.id, active: false }),
      ).rejects.toMatchObject({ code: "CONFLICT" });
      const row = await staffRow(admin.id);
      expect(row).toMatchObject({ roles: ["ADMIN"], active: true });
      expect(await auditOf("staff.roles_changed", admin.id)).toHaveLength(0);
      // With a second working administrator, stepping down is allowed.
      const second = await newAdmin("second");
      await admin.api.staff.setRoles({ staffId: admin.id, roles: ["FINANCE"] });
      await expect(
        second.api.staff.setActive({ staffId: second.id, active: false }),
      ).rejects.toMatchObject({ code: "CONFLICT" });
    } finally {
      await services.db.staff.updateMany({
        where: { id: { in: otherIds } },
        data: { active: true },
      });
    }
  });

  it("answers NOT_FOUND for a member that does not exist", async () => {
    const admin = await newAdmin();
    await expect(
      admin.api.staff.setRoles({ staffId: 2_000_000_000, roles: ["FINANCE"] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("two-factor resets", () => {
  it("one administrator asks, a different one approves: two-factor and sessions cleared, a fresh link mailed", async () => {
    const asker = await newAdmin("asker");
    const approver = await newAdmin("approver");
    const member = await newAdmin("lost");
    await services.db.recoveryCode.create({
      data: { ownerType: "STAFF", ownerId: member.id, codeHash: "h" },
    });
    const { id } = await asker.api.staff.twoFactorResets.request({
      staffId: member.id,
      reason: "Lost phone; identity checked by video call.",
    });
    expect((await approver.api.staff.twoFactorResets.list()).map((r) => r.id)).toContain(id);
    // The asker cannot approve their own request, nor the member their own reset.
    await expect(asker.api.staff.twoFactorResets.approve({ id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(member.api.staff.twoFactorResets.approve({ id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await staffRow(member.id)).totpEnabledAt).not.toBeNull();
    // A second request while one waits is refused.
    await expect(
      approver.api.staff.twoFactorResets.request({ staffId: member.id, reason: "Again." }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    await approver.api.staff.twoFactorResets.approve({ id });
    const row = await staffRow(member.id);
    expect(row).toMatchObject({ totpSecret: null, totpEnabledAt: null, totpLastStep: null });
    expect(
      await services.db.recoveryCode.count({ where: { ownerType: "STAFF", ownerId: member.id } }),
    ).toBe(0);
    await expect(member.api.me()).resolves.toMatchObject({ id: member.id });
    const mail = await latestMailTo(member.email);
    expect(mail.subject).toBe("Set up two-factor again for the Exchange admin console");
    const link = linkIn(mail, "/login");
    expect(link.origin).toBe(ADMIN_TEST_URL);
    const step = await logInWithPassword(services, {
      kind: "staff",
      email: member.email,
      password: PASSWORD,
      ip: undefined,
      enrolmentToken: link.searchParams.get("enrol") ?? undefined,
    });
    expect(step.next).toBe("enrol");
    const [approved] = await auditOf("staff.two_factor_reset_approved", member.id);
    expect(approved).toMatchObject({ actorId: String(approver.id) });
    expect(approved?.before).toEqual({ twoFactorEnabled: true });
    expect(approved?.after).toMatchObject({ twoFactorEnabled: false, requestedById: asker.id });
    await expect(approver.api.staff.twoFactorResets.approve({ id })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("ends the member's sessions on approval", async () => {
    const asker = await newAdmin("asker2");
    const approver = await newAdmin("approver2");
    const member = await newAdmin("lost2");
    const session = await services.db.authSession.create({
      data: {
        id: `s-${member.id}-${Date.now()}`,
        principalType: "STAFF",
        principalId: member.id,
        expiresAt: new Date(Date.now() + 3_600_000),
        steppedUpAt: new Date(),
      },
    });
    const { id } = await asker.api.staff.twoFactorResets.request({
      staffId: member.id,
      reason: "Phone stolen.",
    });
    await approver.api.staff.twoFactorResets.approve({ id });
    const row = await services.db.authSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(row.revokedAt).not.toBeNull();
  });

  it("a rejected request changes nothing for the member", async () => {
    const asker = await newAdmin("asker3");
    const decider = await newAdmin("decider3");
    const member = await newAdmin("kept3");
    const mailsBefore = (await mailsTo(member.email)).length;
    const { id } = await asker.api.staff.twoFactorResets.request({
      staffId: member.id,
      reason: "Not sure it is them.",
    });
    await decider.api.staff.twoFactorResets.reject({ id });
    expect((await staffRow(member.id)).totpEnabledAt).not.toBeNull();
    expect((await decider.api.staff.twoFactorResets.list()).map((r) => r.id)).not.toContain(id);
    expect(await auditOf("staff.two_factor_reset_rejected", member.id)).toHaveLength(1);
    expect((await mailsTo(member.email)).length).toBe(mailsBefore);
  });

  it("refuses a reset of one's own two-factor, or of a member without it", async () => {
    const admin = await newAdmin("self");
    await expect(
      admin.api.staff.twoFactorResets.request({ staffId: admin.id, reason: "Lost it myself." }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { staffId } = await admin.api.staff.invite({
      email: email("no2fa"),
      name: "Nora None",
      roles: ["FINANCE"],
    });
    await expect(
      admin.api.staff.twoFactorResets.request({ staffId, reason: "No two-factor here." }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      admin.api.staff.twoFactorResets.request({ staffId, reason: "x" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
