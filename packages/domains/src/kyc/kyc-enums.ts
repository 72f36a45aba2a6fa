/**
 * KYC's enums as services and UI code see them, mirroring the Prisma schema's enums of the same
 * names (kyc-enums.test.ts asserts they match; the document types are `KYC_DOCUMENT_TYPES` of
 * submission-rules.ts). Add a value in the schema and here together.
 */

/** Where a submission stands in review. */
export const KYC_STATUSES = [
  /** Waiting for a compliance officer. */
  "PENDING",
  /** Accepted: the trader's level rose. */
  "APPROVED",
  /** Refused, with a reason the trader sees. */
  "REJECTED",
] as const;
export type KycStatus = (typeof KYC_STATUSES)[number];
