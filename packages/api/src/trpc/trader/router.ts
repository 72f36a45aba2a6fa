import { router } from "../trpc";
import { apiKeysRouter } from "./api-keys/router";
import { registerProcedure } from "./auth/register";
import { requestPasswordResetProcedure } from "./auth/request-password-reset";
import { resendVerificationProcedure } from "./auth/resend-verification";
import { resetPasswordProcedure } from "./auth/reset-password";
import { verifyEmailProcedure } from "./auth/verify-email";
import { myFeesProcedure } from "./fees/my-fees";
import { futuresRouter } from "./futures/router";
import { healthProcedure } from "./health";
import { myKycStatusProcedure } from "./kyc/my-kyc-status";
import { lendingRouter } from "./lending/router";
import { marketDataRouter } from "./market-data/router";
import { listMarketsProcedure } from "./markets/list-markets";
import { meProcedure } from "./me";
import { myRestrictionsProcedure } from "./my-restrictions";
import { liveAnnouncementsProcedure } from "./notifications/live-announcements";
import { notificationsRouter } from "./notifications/router";
import { savingsRouter } from "./savings/router";
import { beginTwoFactorProcedure } from "./security/begin-two-factor";
import { changePasswordProcedure } from "./security/change-password";
import { confirmStepUpProcedure } from "./security/confirm-step-up";
import { confirmTwoFactorProcedure } from "./security/confirm-two-factor";
import { disableTwoFactorProcedure } from "./security/disable-two-factor";
import { listSessionsProcedure } from "./security/list-sessions";
import { recentLogInsProcedure } from "./security/recent-log-ins";
import { regenerateRecoveryCodesProcedure } from "./security/regenerate-recovery-codes";
import { revokeOtherSessionsProcedure } from "./security/revoke-other-sessions";
import { revokeSessionProcedure } from "./security/revoke-session";
import { twoFactorStatusProcedure } from "./security/two-factor-status";
import { setLocaleProcedure } from "./set-locale";
import { tradingRouter } from "./trading/router";
import { walletRouter } from "./wallet/router";

/** The API the trading web app serves to browsers. */
export const traderRouter = router({
  health: healthProcedure,
  me: router({
    profile: meProcedure,
    setLocale: setLocaleProcedure,
    restrictions: myRestrictionsProcedure,
  }),
  auth: router({
    register: registerProcedure,
    resendVerification: resendVerificationProcedure,
    verifyEmail: verifyEmailProcedure,
    requestPasswordReset: requestPasswordResetProcedure,
    resetPassword: resetPasswordProcedure,
  }),
  security: router({
    twoFactorStatus: twoFactorStatusProcedure,
    beginTwoFactor: beginTwoFactorProcedure,
    confirmTwoFactor: confirmTwoFactorProcedure,
    disableTwoFactor: disableTwoFactorProcedure,
    confirmStepUp: confirmStepUpProcedure,
    changePassword: changePasswordProcedure,
    sessions: listSessionsProcedure,
    revokeSession: revokeSessionProcedure,
    revokeOtherSessions: revokeOtherSessionsProcedure,
    recentLogIns: recentLogInsProcedure,
    regenerateRecoveryCodes: regenerateRecoveryCodesProcedure,
  }),
  markets: router({ list: listMarketsProcedure }),
  kyc: router({ status: myKycStatusProcedure }),
  fees: router({ mine: myFeesProcedure }),
  trading: tradingRouter,
  marketData: marketDataRouter,
  wallet: walletRouter,
  savings: savingsRouter,
  lending: lendingRouter,
  futures: futuresRouter,
  apiKeys: apiKeysRouter,
  notifications: notificationsRouter,
  announcements: router({ live: liveAnnouncementsProcedure }),
});

export type TraderRouter = typeof traderRouter;
