/** Server side of the API: routers, context, services used by the apps' auth callbacks. */
export type { Actor, Context, Services } from "./context";
export { AppError, AppErrorCode, type FieldErrors } from "./errors";
export { resendVerificationMail, verifyEmail } from "./identity/email-verification";
export {
  type AccountKind,
  beginLogInEnrolment,
  confirmLogInEnrolment,
  issueTicket,
  logInWithCode,
  logInWithPassword,
  type PasswordStepResult,
  redeemSignInTicket,
} from "./identity/log-in";
export { currentSessionUser, endSession, sessionStands } from "./identity/sessions";
export { type AdminRouter, adminRouter } from "./routers/admin-router";
export { type TraderRouter, traderRouter } from "./routers/trader-router";
export { closeServices, createServices, type ServicesConfig } from "./services/create-services";
export type { DocumentStorage } from "./services/document-storage";
export { openKycDocument } from "./services/kyc-review";
export { type KycSubmissionInput, submitKyc } from "./services/kyc-submissions";
export { engineMarketConfig } from "./services/market-config";
export { DEFAULT_ORDER_RATE_LIMITS, type OrderRateLimits } from "./services/order-rate-limit";
export { referenceDataCommands, syncReferenceData } from "./services/reference-data";
export { findStaff, type StaffDto } from "./services/staff";
export { findUser, registerUser, type UserDto } from "./services/users";
export { canOpenSection, STAFF_SECTIONS, type StaffSection } from "./staff-sections";
export { createCallerFactory } from "./trpc";
