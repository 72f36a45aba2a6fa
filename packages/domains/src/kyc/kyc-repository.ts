import { decimalText } from "@exchange/contracts/money";
import type { Prisma } from "@exchange/db";
import type { Store, Tx } from "../services";
import type { KycStatus } from "./kyc-enums";
import type { KycFields } from "./submission-rules";

/**
 * KYC's repository: the only code that touches `kyc_submissions`, `kyc_documents`,
 * `kyc_level_limits` and the KYC columns of `users` (level, and the email check that gates a
 * submission). Submissions are written with their document rows in one statement; a decision is
 * a conditional update on a PENDING row, so two reviewers cannot both decide one submission.
 * Amounts come back as decimal strings; the review rules live in kyc-review.ts and
 * kyc-submissions.ts.
 */

/** What a trader and staff see of a submission in lists. */
export const KYC_SUBMISSION_SUMMARY = {
  id: true,
  status: true,
  legalName: true,
  country: true,
  documentType: true,
  rejectReason: true,
  createdAt: true,
  reviewedAt: true,
} as const satisfies Prisma.KycSubmissionSelect;

export interface KycDocumentRow {
  kind: "FRONT" | "BACK" | "SELFIE";
  storageKey: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

/** Stores a PENDING submission with its documents; a second pending one breaks a unique index. */
export function insertKycSubmission(
  tx: Tx,
  submission: { userId: number; fields: KycFields; documents: KycDocumentRow[] },
): Promise<{ id: number; status: KycStatus; createdAt: Date }> {
  return tx.kycSubmission.create({
    data: {
      userId: submission.userId,
      ...submission.fields,
      documents: { create: submission.documents },
    },
    select: { id: true, status: true, createdAt: true },
  });
}

/** Whether the trader may submit: email verified, current level, pending submissions. */
export async function findKycSubmitter(db: Store, userId: number) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      kycLevel: true,
      emailVerifiedAt: true,
      kycSubmissions: { where: { status: "PENDING" }, select: { id: true } },
    },
  });
  return (
    user && {
      kycLevel: user.kycLevel,
      emailVerifiedAt: user.emailVerifiedAt,
      pendingCount: user.kycSubmissions.length,
    }
  );
}

export function findLatestKycSubmission(db: Store, userId: number) {
  return db.kycSubmission.findFirst({
    where: { userId },
    orderBy: { id: "desc" },
    select: KYC_SUBMISSION_SUMMARY,
  });
}

/** The levels with what each allows, lowest first; the withdrawal limit as a decimal string. */
export async function findKycLevels(db: Store) {
  const levels = await db.kycLevelLimit.findMany({ orderBy: { level: "asc" } });
  return levels.map((l) => ({
    level: l.level,
    name: l.name,
    canTrade: l.canTrade,
    canDeposit: l.canDeposit,
    canWithdraw: l.canWithdraw,
    dailyWithdrawalLimit: decimalText(l.dailyWithdrawalLimit),
  }));
}

/** The trader's KYC level, or undefined for an unknown trader. */
export async function findUserKycLevel(db: Store, userId: number): Promise<number | undefined> {
  const row = await db.user.findUnique({ where: { id: userId }, select: { kycLevel: true } });
  return row?.kycLevel;
}

/** Whether the trader's current level allows trading (false for an unknown trader or level). */
/**
 * What decides whether a user may place an order, in one indexed read: the KYC level's
 * `can_trade`, the account's status, and a trading freeze by compliance (`user_restrictions`).
 */
export interface TradingStanding {
  levelAllowsTrading: boolean;
  active: boolean;
  tradingFrozen: boolean;
}

export async function findTradingStanding(db: Store, userId: number): Promise<TradingStanding> {
  const rows = await db.$queryRaw<
    Array<{ can_trade: boolean | null; active: boolean; frozen: boolean }>
  >`
    SELECT l.can_trade,
           u.status = 'ACTIVE' AS active,
           EXISTS (SELECT 1 FROM user_restrictions r
                    WHERE r.user_id = u.id AND r.kind = 'TRADING') AS frozen
      FROM users u LEFT JOIN kyc_level_limits l ON l.level = u.kyc_level
     WHERE u.id = ${userId}`;
  const row = rows[0];
  return {
    levelAllowsTrading: row?.can_trade === true,
    active: row?.active === true,
    tradingFrozen: row?.frozen === true,
  };
}

export interface KycQueueFilter {
  status?: KycStatus | undefined;
  country?: string | undefined;
  submittedBefore?: Date | undefined;
  page: number;
  pageSize: number;
}

/** One page of submissions (oldest first when PENDING), the total, and the countries present. */
export async function findKycQueuePage(db: Store, filter: KycQueueFilter) {
  const where: Prisma.KycSubmissionWhereInput = {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.country ? { country: filter.country } : {}),
    ...(filter.submittedBefore ? { createdAt: { lte: filter.submittedBefore } } : {}),
  };
  const [rows, total, countries] = await Promise.all([
    db.kycSubmission.findMany({
      where,
      orderBy: { id: filter.status === "PENDING" ? "asc" : "desc" },
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
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
  user: { select: { id: true, email: true, kycLevel: true, createdAt: true, status: true } },
} as const satisfies Prisma.KycSubmissionSelect;

/** A submission with its applicant and documents, and the applicant's other submissions. */
export async function findKycSubmissionDetail(db: Store, submissionId: number) {
  const submission = await db.kycSubmission.findUnique({
    where: { id: submissionId },
    select: SUBMISSION_SELECT,
  });
  if (!submission) return null;
  const history = await db.kycSubmission.findMany({
    where: { userId: submission.userId, id: { not: submission.id } },
    orderBy: { id: "desc" },
    select: { id: true, status: true, rejectReason: true, createdAt: true, reviewedAt: true },
  });
  return { ...submission, history };
}

/** What a decision reads of a submission before changing it. */
export function findSubmissionForDecision(tx: Tx, submissionId: number) {
  return tx.kycSubmission.findUnique({
    where: { id: submissionId },
    select: {
      status: true,
      level: true,
      rejectReason: true,
      user: { select: { id: true, email: true, kycLevel: true, locale: true } },
    },
  });
}

/** Records the decision on a still PENDING submission; false when it was decided already. */
export async function markSubmissionDecided(
  tx: Tx,
  decision: {
    submissionId: number;
    status: Exclude<KycStatus, "PENDING">;
    rejectReason: string | null;
    reviewedById: number;
    reviewedAt: Date;
  },
): Promise<boolean> {
  const updated = await tx.kycSubmission.updateMany({
    where: { id: decision.submissionId, status: "PENDING" },
    data: {
      status: decision.status,
      rejectReason: decision.rejectReason,
      reviewedById: decision.reviewedById,
      reviewedAt: decision.reviewedAt,
    },
  });
  return updated.count > 0;
}

export async function setUserKycLevel(tx: Tx, userId: number, kycLevel: number): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { kycLevel } });
}

export function findKycDocument(db: Store, documentId: number) {
  return db.kycDocument.findUnique({
    where: { id: documentId },
    select: { storageKey: true, contentType: true, kind: true, submissionId: true },
  });
}

/** Whether the user's KYC level may deposit (`kyc_level_limits.can_deposit`); no row: no. */
export async function levelAllowsDeposit(db: Store, userId: number): Promise<boolean> {
  const rows = await db.$queryRaw<Array<{ can_deposit: boolean | null }>>`
    SELECT l.can_deposit
      FROM users u LEFT JOIN kyc_level_limits l ON l.level = u.kyc_level
     WHERE u.id = ${userId}`;
  return rows[0]?.can_deposit === true;
}
