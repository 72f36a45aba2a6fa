import { registerProcedure } from "../procedures/auth/register";
import { requestPasswordResetProcedure } from "../procedures/auth/request-password-reset";
import { resendVerificationProcedure } from "../procedures/auth/resend-verification";
import { resetPasswordProcedure } from "../procedures/auth/reset-password";
import { verifyEmailProcedure } from "../procedures/auth/verify-email";
import { healthProcedure } from "../procedures/health";
import { myKycStatusProcedure } from "../procedures/kyc/my-kyc-status";
import { marketDataRouter } from "../procedures/market-data/router";
import { listMarketsProcedure } from "../procedures/markets/list-markets";
import { meProcedure } from "../procedures/me";
import { beginTwoFactorProcedure } from "../procedures/security/begin-two-factor";
import { confirmStepUpProcedure } from "../procedures/security/confirm-step-up";
import { confirmTwoFactorProcedure } from "../procedures/security/confirm-two-factor";
import { disableTwoFactorProcedure } from "../procedures/security/disable-two-factor";
import { twoFactorStatusProcedure } from "../procedures/security/two-factor-status";
import { tradingRouter } from "../procedures/trading/router";
import { router } from "../trpc";

/** The API the trading web app serves to browsers. */
export const traderRouter = router({
  health: healthProcedure,
  me: meProcedure,
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
  }),
  markets: router({ list: listMarketsProcedure }),
  kyc: router({ status: myKycStatusProcedure }),
  trading: tradingRouter,
  marketData: marketDataRouter,
});

export type TraderRouter = typeof traderRouter;
