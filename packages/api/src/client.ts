/**
 * What browser code may import: router types (erased at build), the transformer, the admin
 * section table and the input schemas forms validate with. No server code.
 */

export type { Market as MarketDto } from "@exchange/contracts/market";
export { AppErrorCode, type FieldErrors } from "@exchange/domains/errors";
export type { MyFeesOutput } from "@exchange/domains/fees/fee-contracts";
export {
  HEALTH_CONSUMERS,
  type HealthLike,
  type HealthProblem,
  healthProblems,
} from "@exchange/domains/health/health-summary";
export {
  canOpenSection,
  STAFF_SECTIONS,
  type StaffSection,
} from "@exchange/domains/identity/staff-sections";
export { COUNTRIES, countryName } from "@exchange/domains/kyc/countries";
export { canDecideKyc, canReadKycDocuments } from "@exchange/domains/kyc/document-access";
export {
  type AgeingTone,
  ageingTone,
  formatWaited,
  isKycAgeFilter,
  KYC_AGE_FILTERS,
  type KycAgeFilter,
} from "@exchange/domains/kyc/queue-ageing";
export {
  KYC_DOCUMENT_TYPE_LABELS,
  KYC_DOCUMENT_TYPES,
  KYC_FILE_FIELDS,
  KYC_FILE_KINDS,
  KYC_MAX_FILE_BYTES,
  KYC_MINIMUM_AGE_YEARS,
  type KycDocumentType,
  type KycFileKind,
  requiredFileKinds,
} from "@exchange/domains/kyc/submission-rules";
export type { AdminRouter } from "./trpc/admin/router";
export {
  ZEmailOnlyInput,
  ZResetPasswordInput,
} from "./trpc/trader/auth/email-links.types";
export { ZEmail, ZPassword, ZRegisterInput } from "./trpc/trader/auth/register.types";
export type { TraderRouter } from "./trpc/trader/router";
export {
  ZSecondFactorCode,
  ZTotpCode,
} from "./trpc/trader/security/two-factor.types";
export { transformer } from "./trpc/transformer";
