/** Server side of the API: routers, context, services used by the apps' auth callbacks. */

export { AppError, AppErrorCode, type FieldErrors } from "@exchange/domains/errors";
export { resendVerificationMail, verifyEmail } from "@exchange/domains/identity/email-verification";
export {
  type AccountKind,
  beginLogInEnrolment,
  confirmLogInEnrolment,
  issueTicket,
  logInWithCode,
  logInWithPassword,
  type PasswordStepResult,
  redeemSignInTicket,
} from "@exchange/domains/identity/log-in";
export {
  SESSION_STANDING_TTL_MS,
  SessionStandingCache,
} from "@exchange/domains/identity/session-standing-cache";
export { currentSessionUser, endSession, sessionStands } from "@exchange/domains/identity/sessions";
export { findStaff, type StaffDto } from "@exchange/domains/identity/staff";
export {
  chooseInvitedStaffPassword,
  findStaffInvite,
} from "@exchange/domains/identity/staff-invites";
export {
  canOpenSection,
  STAFF_SECTIONS,
  type StaffSection,
} from "@exchange/domains/identity/staff-sections";
export { followStandingChanges } from "@exchange/domains/identity/standing-changes";
export { findUser, registerUser, type UserDto } from "@exchange/domains/identity/users";
export type { DocumentStorage } from "@exchange/domains/kyc/document-storage";
export { openKycDocument } from "@exchange/domains/kyc/kyc-review";
export { type KycSubmissionInput, submitKyc } from "@exchange/domains/kyc/kyc-submissions";
export { engineMarketConfig } from "@exchange/domains/markets/market-config";
export { referenceDataCommands, syncReferenceData } from "@exchange/domains/markets/reference-data";
export { closeServices, createServices, type ServicesConfig } from "@exchange/domains/services";
export {
  DEFAULT_ORDER_RATE_LIMITS,
  type OrderRateLimits,
} from "@exchange/domains/trading/order-rate-limit";
export { type AdminRouter, adminRouter } from "./trpc/admin/router";
export type { Actor, Context, Services } from "./trpc/context";
export { type TraderRouter, traderRouter } from "./trpc/trader/router";
export { createCallerFactory } from "./trpc/trpc";
