import { clockDate } from "@exchange/protocol";
import { recordAudit } from "../audit/audit-repository";
import { AppError, AppErrorCode } from "../errors";
import type { StaffRole } from "../identity/identity-enums";
import { type Actor, inTransaction, type Services } from "../services";
import { canReadKycDocuments, redactKycPersonalData } from "./document-access";
import type { KycStatus } from "./kyc-enums";
import { notifyKycDecision } from "./kyc-notifications";
import {
  findKycDocument,
  findKycQueuePage,
  findKycSubmissionDetail,
  findSubmissionForDecision,
  markSubmissionDecided,
  setUserKycLevel,
} from "./kyc-repository";
import { type KycAgeFilter, submittedBefore } from "./queue-ageing";

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
export async function listKycQueue(
  services: Services,
  query: KycQueueQuery,
  viewerRoles: readonly StaffRole[],
) {
  const now = clockDate(services.clock);
  const queue = await findKycQueuePage(services.db, {
    status: query.status,
    country: query.country,
    submittedBefore: submittedBefore(query.age, now),
    page: query.page,
    pageSize: query.pageSize,
  });
  return { ...queue, rows: queue.rows.map((row) => redactKycPersonalData(row, viewerRoles)) };
}

/**
 * One submission: the applicant's data (personal fields for compliance only), document metadata
 * and earlier submissions.
 */
export async function findKycSubmission(
  services: Services,
  submissionId: number,
  viewerRoles: readonly StaffRole[],
) {
  const submission = await findKycSubmissionDetail(services.db, submissionId);
  if (!submission) throw new AppError(AppErrorCode.NOT_FOUND, "No such KYC submission.");
  return redactKycPersonalData(submission, viewerRoles);
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
  const result = await inTransaction(services.db, async (tx) => {
    const before = await findSubmissionForDecision(tx, decision.submissionId);
    if (!before) throw new AppError(AppErrorCode.NOT_FOUND, "No such KYC submission.");
    const reason = decision.decision === "REJECTED" ? decision.reason : null;
    const reviewedAt = clockDate(services.clock);
    const decided = await markSubmissionDecided(tx, {
      submissionId: decision.submissionId,
      status: decision.decision,
      rejectReason: reason,
      reviewedById: reviewer.staffId,
      reviewedAt,
    });
    if (!decided) {
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
      await setUserKycLevel(tx, before.user.id, levelAfter);
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
    return {
      email: before.user.email,
      locale: before.user.locale,
      kycLevel: levelAfter,
      reviewedAt,
    };
  });
  await notifyKycDecision(services, {
    email: result.email,
    locale: result.locale,
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
  const document = await findKycDocument(services.db, documentId);
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
