import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AppError, type FieldErrors } from "@exchange/domains/errors";
import { type KycSubmissionInput, submitKyc } from "@exchange/domains/kyc/kyc-submissions";
import { KYC_MAX_FILE_BYTES } from "@exchange/domains/kyc/submission-rules";
import {
  KYC_FIXTURE_FIELDS,
  kycFixture,
  kycFixtureFiles,
} from "@exchange/domains/testing/kyc-fixtures";
import { latestMailTo } from "@exchange/domains/testing/mail";
import { closeServices, staffActor, testServices } from "@exchange/domains/testing/test-services";
import { createTestUser } from "@exchange/domains/testing/test-users";
import { ManualClock } from "@exchange/protocol";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callAdminApi, callTraderApi } from "./testing/callers";
import type { Actor, Services } from "./trpc/context";

const storageDir = mkdtempSync(join(tmpdir(), "exchange-kyc-it-"));
let services: Services;
let compliance: ReturnType<typeof callAdminApi>;
let complianceId: number;

beforeAll(async () => {
  services = await testServices({ documentStorageDir: storageDir });
  const officer = await services.db.staff.findFirstOrThrow({
    where: { email: "compliance@exchange.local" },
  });
  complianceId = officer.id;
  compliance = callAdminApi(services, staffActor(officer.id, "COMPLIANCE"));
});
afterAll(() => closeServices(services));

/** Every file under the storage directory (temp files included: a leak would show). */
function storedFiles(): string[] {
  return readdirSync(storageDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** A JPEG signature followed by one byte more than the limit allows. */
function oversizedJpeg(): Uint8Array {
  const bytes = new Uint8Array(KYC_MAX_FILE_BYTES + 1);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return bytes;
}

const validInput = (): KycSubmissionInput => ({
  fields: { ...KYC_FIXTURE_FIELDS },
  files: kycFixtureFiles(),
});

async function newApplicant(options: { emailVerified?: boolean } = {}) {
  const user = await createTestUser(services.db, { tag: "kyc", kycLevel: 0, ...options });
  const actor: Actor = { kind: "user", userId: user.id };
  return { id: user.id, trader: callTraderApi(services, actor) };
}

/** The AppError a call was refused with (services throw them; procedures wrap them). */
async function refusal(call: Promise<unknown>): Promise<{ code: string; fields: FieldErrors }> {
  const error = await call.then(
    () => expect.fail("the call was accepted"),
    (e: unknown) => e,
  );
  const cause = error instanceof TRPCError ? error.cause : error;
  if (cause instanceof AppError) return { code: cause.code, fields: cause.fieldErrors ?? {} };
  return { code: (error as TRPCError).code, fields: {} };
}

/** Nothing written: no file, no submission, no audit row for the user. */
async function expectNothingStored(userId: number, filesBefore: number) {
  expect(storedFiles()).toHaveLength(filesBefore);
  expect(await services.db.kycSubmission.count({ where: { userId } })).toBe(0);
  expect(
    await services.db.auditLog.count({ where: { actorType: "USER", actorId: String(userId) } }),
  ).toBe(0);
}

describe("submitting", () => {
  it("stores the files outside the database with their sniffed type and hash, and shows PENDING", async () => {
    const { id, trader } = await newApplicant();
    expect((await trader.kyc.status()).latest).toBeNull();

    const submission = await submitKyc(services, id, validInput());
    expect(submission.status).toBe("PENDING");

    const documents = await services.db.kycDocument.findMany({
      where: { submissionId: submission.id },
      orderBy: { kind: "asc" },
    });
    expect(documents.map((d) => [d.kind, d.contentType])).toEqual([
      ["FRONT", "image/png"],
      ["BACK", "image/png"],
      ["SELFIE", "image/jpeg"],
    ]);
    for (const document of documents) {
      const path = storedFiles().find((file) => file.endsWith(document.storageKey));
      expect(path, `file of ${document.kind}`).toBeDefined();
      const bytes = readFileSync(path as string);
      expect(bytes.length).toBe(document.sizeBytes);
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(document.sha256);
    }

    const status = await trader.kyc.status();
    expect(status).toMatchObject({ level: 0, canTrade: false, latest: { status: "PENDING" } });
  });

  it("refuses a second submission while one is pending, storing nothing more", async () => {
    const { id } = await newApplicant();
    await submitKyc(services, id, validInput());
    const filesBefore = storedFiles().length;
    expect((await refusal(submitKyc(services, id, validInput()))).code).toBe("KYC_PENDING");
    expect(storedFiles()).toHaveLength(filesBefore);
    expect(await services.db.kycSubmission.count({ where: { userId: id } })).toBe(1);
  });

  it("lets exactly one of two simultaneous submissions through and removes the loser's files", async () => {
    const { id } = await newApplicant();
    const filesBefore = storedFiles().length;
    const results = await Promise.allSettled([
      submitKyc(services, id, validInput()),
      submitKyc(services, id, validInput()),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const failure = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(failure.reason).toMatchObject({ code: "KYC_PENDING" });
    expect(storedFiles()).toHaveLength(filesBefore + 3);
  });

  it.each([
    [
      "text named .png as the front",
      { FRONT: kycFixture("not-an-image.png") },
      "documentFront",
      /JPEG, PNG or WebP/,
    ],
    [
      "a PDF as the selfie",
      { SELFIE: new TextEncoder().encode("%PDF-1.7\n1 0 obj") },
      "selfie",
      /photo/,
    ],
    ["a front over 5 MB", { FRONT: oversizedJpeg() }, "documentFront", /larger than 5 MB/],
    ["no back side of an identity card", { BACK: new Uint8Array() }, "documentBack", /back/],
  ])("refuses %s with a field error and stores nothing", async (_, files, field, message) => {
    const { id } = await newApplicant();
    const filesBefore = storedFiles().length;
    const input = validInput();
    input.files = { ...input.files, ...files };
    const refused = await refusal(submitKyc(services, id, input));
    expect(refused.code).toBe("INVALID_INPUT");
    expect(refused.fields[field]?.join(" ")).toMatch(message);
    await expectNothingStored(id, filesBefore);
  });

  it("refuses a minor and missing fields, naming each field", async () => {
    const { id } = await newApplicant();
    const filesBefore = storedFiles().length;
    const eighteenYearsAgoTomorrow = new Date();
    eighteenYearsAgoTomorrow.setUTCFullYear(eighteenYearsAgoTomorrow.getUTCFullYear() - 18);
    eighteenYearsAgoTomorrow.setUTCDate(eighteenYearsAgoTomorrow.getUTCDate() + 1);
    const minor = validInput();
    minor.fields.dateOfBirth = eighteenYearsAgoTomorrow.toISOString().slice(0, 10);
    expect((await refusal(submitKyc(services, id, minor))).fields.dateOfBirth?.[0]).toMatch(
      /at least 18/,
    );

    const refused = await refusal(submitKyc(services, id, { fields: {}, files: {} }));
    expect(Object.keys(refused.fields).sort()).toEqual(
      [
        "country",
        "dateOfBirth",
        "documentBack",
        "documentFront",
        "documentNumber",
        "documentType",
        "legalName",
        "selfie",
      ].sort(),
    );
    await expectNothingStored(id, filesBefore);
  });

  it("accepts a passport without a back side", async () => {
    const { id } = await newApplicant();
    const { BACK: _back, ...files } = kycFixtureFiles();
    const submission = await submitKyc(services, id, {
      fields: { ...KYC_FIXTURE_FIELDS, documentType: "PASSPORT" },
      files: { ...files, FRONT: kycFixture("passport-front.jpg") },
    });
    expect(await services.db.kycDocument.count({ where: { submissionId: submission.id } })).toBe(2);
  });

  it("asks for a verified email first", async () => {
    const { id } = await newApplicant({ emailVerified: false });
    expect((await refusal(submitKyc(services, id, validInput()))).code).toBe("FORBIDDEN");
  });
});

describe("reviewing", () => {
  it("rejects with a reason the user sees, then the user resubmits and is approved to level 1", async () => {
    const { id, trader } = await newApplicant();
    const first = await submitKyc(services, id, validInput());

    const queue = await compliance.kyc.queue({ status: "PENDING", pageSize: 200 });
    expect(queue.rows.map((r) => r.id)).toContain(first.id);

    // A rejection without a reason is refused, and changes nothing.
    expect((await refusal(compliance.kyc.reject({ id: first.id, reason: "  " }))).code).toBe(
      "BAD_REQUEST",
    );
    expect((await compliance.kyc.submission({ id: first.id })).status).toBe("PENDING");

    const reason = "The document photo is blurred; photograph it in daylight.";
    await compliance.kyc.reject({ id: first.id, reason });
    const { email } = await services.db.user.findUniqueOrThrow({ where: { id } });
    const rejection = await latestMailTo(email, { subject: /could not verify/ });
    expect(rejection.text).toContain(reason);
    expect(rejection.text).toContain("/account/verification");
    expect(await trader.kyc.status()).toMatchObject({
      level: 0,
      latest: { id: first.id, status: "REJECTED", rejectReason: reason },
    });
    expect((await refusal(compliance.kyc.approve({ id: first.id }))).code).toBe(
      "KYC_ALREADY_DECIDED",
    );

    const second = await submitKyc(services, id, validInput());
    const decided = await compliance.kyc.approve({ id: second.id });
    expect(decided).toMatchObject({ status: "APPROVED", kycLevel: 1 });
    await latestMailTo(email, { subject: /identity is verified/, after: rejection });
    expect(await trader.kyc.status()).toMatchObject({
      level: 1,
      canTrade: true,
      latest: { id: second.id, status: "APPROVED" },
    });
    expect((await refusal(submitKyc(services, id, validInput()))).code).toBe(
      "KYC_ALREADY_VERIFIED",
    );

    const detail = await compliance.kyc.submission({ id: second.id });
    expect(detail.history.map((h) => [h.id, h.status, h.rejectReason])).toEqual([
      [first.id, "REJECTED", reason],
    ]);
    expect(detail.reviewedBy?.id).toBe(complianceId);
  });

  it("writes who decided what, with the state before and after, in the audit log", async () => {
    const { id } = await newApplicant();
    const submission = await submitKyc(services, id, validInput());
    await compliance.kyc.reject({ id: submission.id, reason: "Name does not match the document." });

    const { rows } = await compliance.audit.list({
      targetType: "kyc_submission",
      targetId: String(submission.id),
    });
    expect(rows.map((r) => r.action)).toEqual(["kyc.reject", "kyc.submit"]);
    expect(rows[0]).toMatchObject({
      actorType: "STAFF",
      actorId: String(complianceId),
      before: { status: "PENDING", kycLevel: 0, userId: id },
      after: {
        status: "REJECTED",
        kycLevel: 0,
        userId: id,
        rejectReason: "Name does not match the document.",
      },
    });
    const byAction = await compliance.audit.list({ action: "kyc.", actorType: "STAFF" });
    expect(byAction.rows.every((r) => r.action.startsWith("kyc."))).toBe(true);
  });

  it("ends two simultaneous decisions in one decision and one KYC_ALREADY_DECIDED", async () => {
    const { id } = await newApplicant();
    const submission = await submitKyc(services, id, validInput());
    const results = await Promise.allSettled([
      compliance.kyc.approve({ id: submission.id }),
      compliance.kyc.reject({ id: submission.id, reason: "Second reviewer disagrees." }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const audits = await services.db.auditLog.count({
      where: { targetType: "kyc_submission", targetId: String(submission.id), actorType: "STAFF" },
    });
    expect(audits).toBe(1);
  });

  it("filters the queue by status, country and age, pending oldest first", async () => {
    const { id } = await newApplicant();
    const fresh = await submitKyc(services, id, {
      ...validInput(),
      fields: { ...KYC_FIXTURE_FIELDS, country: "NZ" },
    });
    const old = await newApplicant();
    const aged = await submitKyc(services, old.id, {
      ...validInput(),
      fields: { ...KYC_FIXTURE_FIELDS, country: "NZ" },
    });
    // Backdate one submission two days, as if it had waited in the queue.
    await services.db.kycSubmission.update({
      where: { id: aged.id },
      data: { createdAt: new Date(Date.now() - 2 * 24 * 3600 * 1000) },
    });

    const nz = await compliance.kyc.queue({ status: "PENDING", country: "NZ" });
    expect(nz.rows.map((r) => r.id)).toEqual([fresh.id, aged.id].sort((a, b) => a - b));
    expect(nz.countries).toContain("NZ");
    const overdue = await compliance.kyc.queue({ status: "PENDING", country: "NZ", age: "24h" });
    expect(overdue.rows.map((r) => r.id)).toEqual([aged.id]);
    expect(overdue.total).toBe(1);
    const rejected = await compliance.kyc.queue({ status: "REJECTED", country: "NZ" });
    expect(rejected.rows).toEqual([]);
  });

  it("measures waiting time on the services' clock, so a set clock ages the queue", async () => {
    const { id } = await newApplicant();
    const submitted = await submitKyc(services, id, {
      ...validInput(),
      fields: { ...KYC_FIXTURE_FIELDS, country: "IS" },
    });
    const query = { status: "PENDING", country: "IS", age: "24h" } as const;
    expect((await compliance.kyc.queue(query)).rows).toEqual([]);

    // The same queue read a day and an hour later: the submission is now overdue.
    const later = new ManualClock(Date.now() + 25 * 3600 * 1000);
    const officer = staffActor(complianceId, "COMPLIANCE");
    const overdue = await callAdminApi({ ...services, clock: later }, officer).kyc.queue(query);
    expect(overdue.rows.map((r) => r.id)).toEqual([submitted.id]);
    later.set(Date.now());
    expect(
      (await callAdminApi({ ...services, clock: later }, officer).kyc.queue(query)).rows,
    ).toEqual([]);
  });
});

describe("user search and profile", () => {
  it("finds a user by email fragment or id and shows their KYC history and balances", async () => {
    const { id } = await newApplicant();
    await submitKyc(services, id, validInput());
    const user = await services.db.user.findUniqueOrThrow({ where: { id } });

    const byEmail = await compliance.users.search({ query: user.email.slice(0, 20).toUpperCase() });
    expect(byEmail.rows.map((r) => r.id)).toContain(id);
    const byId = await compliance.users.search({ query: `#${id}` });
    expect(byId.rows.map((r) => r.id)).toEqual([id]);

    const profile = await compliance.users.profile({ id });
    expect(profile).toMatchObject({ id, email: user.email, kycLevel: 0, emailVerified: true });
    expect(profile.kycSubmissions.map((s) => s.status)).toEqual(["PENDING"]);
    expect(profile.balances.map((b) => b.asset)).toContain("USDT");
    expect(profile.orders).toEqual([]);
  });
});
