/**
 * What browser code may import: router types (erased at build), the transformer, the admin
 * section table and the input schemas forms validate with. No server code.
 */
export { AppErrorCode, type FieldErrors } from "./errors";
export { CONSUMER_LABELS, consumerLabel, healthSummary } from "./health-summary";
export { COUNTRIES, countryName } from "./kyc/countries";
export { canDecideKyc, canReadKycDocuments } from "./kyc/document-access";
export {
  type AgeingTone,
  ageingTone,
  formatWaited,
  isKycAgeFilter,
  KYC_AGE_FILTERS,
  type KycAgeFilter,
} from "./kyc/queue-ageing";
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
} from "./kyc/submission-rules";
export {
  ZEmailOnlyInput,
  ZResetPasswordInput,
} from "./procedures/auth/email-links.types";
export { ZEmail, ZPassword, ZRegisterInput } from "./procedures/auth/register.types";
export type { MarketDto } from "./procedures/markets/list-markets.types";
export {
  ZSecondFactorCode,
  ZTotpCode,
} from "./procedures/security/two-factor.types";
export type { AdminRouter } from "./routers/admin-router";
export type { TraderRouter } from "./routers/trader-router";
export { canOpenSection, STAFF_SECTIONS, type StaffSection } from "./staff-sections";
export { transformer } from "./transformer";
