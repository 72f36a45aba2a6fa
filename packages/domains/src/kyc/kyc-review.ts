import type { Db, Prisma, StaffRole } from "@exchange/db";
import { clockDate } from "@exchange/protocol";
import { recordAudit } from "../audit/audit";
import { AppError, AppErrorCode } from "../errors";
import type { Actor, Services } from "../services";
import { canReadKycDocuments } from "./document-access";
import { notifyKycDecision } from "./kyc-notifications";
import { type KycAgeFilter, submittedBefore } from "./queue-ageing";

type KycStatus = "PENDING" | "APPROVED" | "REJECTED";

export interface KycQueueQuery {
  status?: KycStatus | undefined;
  country?: string | undefined;
  age: KycAgeFilter;
  page: number;
  pageSize: number;
}

/**
 * The review queue. Pending work is served oldest first (the longest wait is the most urgent);
 * decided submissions newest first, as history is read.
 */
/** `now`: the services' clock, against which waiting times are measured. */
export async function listKycQueue(db: Db, query: KycQueueQuery, now: Date) {
  const before = submittedBefore(query.age, now);
  const where: Prisma.KycSubmissionWhereInput = {
    ...(query.status ? { status: query.status } : {}),
    ...(query.country ? { country: query.country } : {}),
    ...(before ? { createdAt: { lte: before } } : {}),
  };
  const [rows, total, countries] = await Promise.all([
    db.kycSubmission.findMany({
      where,
      orderBy: { id: query.status === "PENDING" ? "asc" : "desc" },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: {
        id: true,
        status: true,
        legalName: true,
        country: true,
        documentType: true,
        createdAt: true,
        reviewedAt: true,
        user: { select: { id: true, email: true } },
        _count: { select: { documents: true } },
      },
    }),
    db.kycSubmission.count({ where }),
    db.kycSubmission.findMany({ distinct: ["country"], select: { country: true } }),
  ]);
  return {
    rows: rows.map(({ _count, ...row }) => ({ ...row, documentCount: _count.documents })),
    total,
    /** Countries that occur at all, for the filter's choices. */
    countries: countries.map((c) => c.country).sort(),
  };
}

const SUBMISSION_SELECT = {
  id: true,
  userId: true,
  level: true,
  status: true,
  legalName: true,
  dateOfBirth: true,
  country: true,
  documentType: true,
  documentNumber: true,
  rejectReason: true,
  reviewedAt: true,
  createdAt: true,
  reviewedBy: { select: { id: true, name: true } },
  documents: {
    orderBy: { kind: "asc" },
    select: { id: true, kind: true, contentType: true, sizeBytes: true, sha256: true },
  },
} as const satisfies Prisma.KycSubmissionSelect;

/** One submission with its applicant, documents (metadata only) and the applicant's history. */
export async function findKycSubmission(db: Db, submissionId: number) {
  const submission = await db.kycSubmission.findUnique({
    where: { id: submissionId },
    select: {
      ...SUBMISSION_SELECT,
      user: { select: { id: true, email: true, kycLevel: true, createdAt: true, status: true } },
    },
  });
  if (!submission) throw new AppError(AppErrorCode.NOT_FOUND, "No such KYC submission.");
  const history = await db.kycSubmission.findMany({
    where: { userId: submission.userId, id: { not: submission.id } },
    orderBy: { id: "desc" },
    select: { id: true, status: true, rejectReason: true, createdAt: true, reviewedAt: true },
  });
  return { ...submission, history };
}

export type KycDecision =
  | { submissionId: number; decision: "APPROVED" }
  | { submissionId: number; decision: "REJECTED"; reason: string };

/**
 * Approves or rejects a pending submission. One transaction changes the submission, raises the
 * user's level on approval and appends the audit row with the state before and after; the
 * conditional update (status still PENDING) makes two reviewers deciding at once end in one
 * decision and one KYC_ALREADY_DECIDED. The user is mailed once the decision is committed.
 */
export async function decideKyc(
  services: Services,
  reviewer: { staffId: number; ip?: string | undefined },
  decision: KycDecision,
) {
  const result = await services.db.$transaction(async (tx) => {
    const before = await tx.kycSubmission.findUnique({
      where: { id: decision.submissionId },
      select: {
        status: true,
        level: true,
        rejectReason: true,
        user: { select: { id: true, email: true, kycLevel: true } },
      },
    });
    if (!before) throw new AppError(AppErrorCode.NOT_FOUND, "No such KYC submission.");
    const reason = decision.decision === "REJECTED" ? decision.reason : null;
    const reviewedAt = clockDate(services.clock);
    const updated = await tx.kycSubmission.updateMany({
      where: { id: decision.submissionId, status: "PENDING" },
      data: {
        status: decision.decision,
        rejectReason: reason,
        reviewedById: reviewer.staffId,
        reviewedAt,
      },
    });
    if (updated.count === 0) {
      throw new AppError(
        AppErrorCode.KYC_ALREADY_DECIDED,
        `This submission was already ${before.status.toLowerCase()}.`,
      );
    }
    const levelAfter =
      decision.decision === "APPROVED"
        ? Math.max(before.user.kycLevel, before.level)
        : before.user.kycLevel;
    if (levelAfter !== before.user.kycLevel) {
      await tx.user.update({ where: { id: before.user.id }, data: { kycLevel: levelAfter } });
    }
    await recordAudit(tx, {
      actor: { kind: "staff", staffId: reviewer.staffId },
      action: decision.decision === "APPROVED" ? "kyc.approve" : "kyc.reject",
      target: { type: "kyc_submission", id: String(decision.submissionId) },
      before: { status: before.status, userId: before.user.id, kycLevel: before.user.kycLevel },
      after: {
        status: decision.decision,
        userId: before.user.id,
        kycLevel: levelAfter,
        ...(reason === null ? {} : { rejectReason: reason }),
      },
      ip: reviewer.ip,
    });
    return { email: before.user.email, kycLevel: levelAfter, reviewedAt };
  });
  await notifyKycDecision(services, {
    email: result.email,
    decision: decision.decision,
    reason: decision.decision === "REJECTED" ? decision.reason : null,
  });
  return {
    submissionId: decision.submissionId,
    status: decision.decision,
    kycLevel: result.kycLevel,
    reviewedAt: result.reviewedAt,
  };
}

/**
 * A stored document's bytes for a reviewer. Only staff holding the COMPLIANCE role may read
 * identity documents (see kyc/document-access.ts); each read is written to the audit log, so
 * who looked at whose papers is on record.
 */
export async function openKycDocument(
  services: Services,
  actor: Actor,
  documentId: number,
  ip?: string,
) {
  assertMayReadDocuments(actor);
  const document = await services.db.kycDocument.findUnique({
    where: { id: documentId },
    select: { storageKey: true, contentType: true, kind: true, submissionId: true },
  });
  const opened = document ? await services.documents.open(document.storageKey) : null;
  if (!document || !opened) throw new AppError(AppErrorCode.NOT_FOUND, "No such document.");
  await recordAudit(services.db, {
    actor: { kind: "staff", staffId: actor.staffId },
    action: "kyc.document.view",
    target: { type: "kyc_document", id: String(documentId) },
    after: { submissionId: document.submissionId, kind: document.kind },
    ip,
  });
  return { ...opened, contentType: document.contentType };
}

function assertMayReadDocuments(actor: Actor): asserts actor is Extract<Actor, { kind: "staff" }> {
  if (actor.kind !== "staff") {
    throw new AppError(AppErrorCode.UNAUTHENTICATED, "Please log in as staff.");
  }
  if (!canReadKycDocuments(actor.roles as readonly StaffRole[])) {
    throw new AppError(
      AppErrorCode.FORBIDDEN,
      "Only compliance staff may open identity documents.",
    );
  }
}
