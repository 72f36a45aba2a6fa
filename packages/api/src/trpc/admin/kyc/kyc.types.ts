import { ZRowId } from "@exchange/domains/input-bounds";
import { KYC_AGE_FILTERS, type KycAgeFilter } from "@exchange/domains/kyc/queue-ageing";
import { KYC_DOCUMENT_TYPES, KYC_FILE_KINDS } from "@exchange/domains/kyc/submission-rules";
import { z } from "zod";

export const ZKycStatus = z.enum(["PENDING", "APPROVED", "REJECTED"]);
const ZDocumentType = z.enum(KYC_DOCUMENT_TYPES);

export const ZKycQueueInput = z
  .object({
    /** Omitted: every status. The page defaults to PENDING. */
    status: ZKycStatus.optional(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    age: z.enum(Object.keys(KYC_AGE_FILTERS) as [KycAgeFilter, ...KycAgeFilter[]]).default("any"),
    page: z.number().int().min(1).max(10_000).default(1),
    pageSize: z.number().int().min(1).max(200).default(50),
  })
  .prefault({});

export const ZKycQueueOutput = z.object({
  rows: z.array(
    z.object({
      id: z.number().int(),
      status: ZKycStatus,
      /** Null unless the caller holds COMPLIANCE (kyc/document-access.ts). */
      legalName: z.string().nullable(),
      country: z.string(),
      documentType: ZDocumentType,
      createdAt: z.date(),
      reviewedAt: z.date().nullable(),
      user: z.object({ id: z.number().int(), email: z.string() }),
      documentCount: z.number().int(),
    }),
  ),
  total: z.number().int(),
  countries: z.array(z.string()),
});

export const ZKycSubmissionInput = z.object({ id: ZRowId });

export const ZKycSubmissionOutput = z.object({
  id: z.number().int(),
  userId: z.number().int(),
  level: z.number().int(),
  status: ZKycStatus,
  /** The personal fields are null unless the caller holds COMPLIANCE (kyc/document-access.ts). */
  legalName: z.string().nullable(),
  dateOfBirth: z.date().nullable(),
  country: z.string(),
  documentType: ZDocumentType,
  documentNumber: z.string().nullable(),
  rejectReason: z.string().nullable(),
  reviewedAt: z.date().nullable(),
  createdAt: z.date(),
  reviewedBy: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  documents: z.array(
    z.object({
      id: z.number().int(),
      kind: z.enum(KYC_FILE_KINDS),
      contentType: z.string(),
      sizeBytes: z.number().int(),
      sha256: z.string(),
    }),
  ),
  user: z.object({
    id: z.number().int(),
    email: z.string(),
    kycLevel: z.number().int(),
    createdAt: z.date(),
    status: z.enum(["ACTIVE", "SUSPENDED"]),
  }),
  history: z.array(
    z.object({
      id: z.number().int(),
      status: ZKycStatus,
      rejectReason: z.string().nullable(),
      createdAt: z.date(),
      reviewedAt: z.date().nullable(),
    }),
  ),
});

export const ZApproveKycInput = z.object({ id: ZRowId });

export const ZRejectKycInput = z.object({
  id: ZRowId,
  /** Shown to the user as is: say what to correct. */
  reason: z
    .string()
    .trim()
    .min(5, "Say why, in a sentence the user can act on.")
    .max(500, "At most 500 characters."),
});

export const ZKycDecisionOutput = z.object({
  submissionId: z.number().int(),
  status: z.enum(["APPROVED", "REJECTED"]),
  kycLevel: z.number().int(),
  reviewedAt: z.date(),
});
