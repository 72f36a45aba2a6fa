/**
 * Shared UI of the trading app and the admin console: the design system's components and
 * pure display helpers. Safe to import from server and client components alike; anything that
 * needs a request, a session or the server's environment lives in `@exchange/ui/server`.
 */
export { AuthCard } from "./components/auth-card";
export { BrandMark } from "./components/brand-mark";
export { type ButtonSize, type ButtonVariant, buttonClasses } from "./components/button-styles";
export { CodeForm } from "./components/code-form";
export { type ErrorPageProps, RetryButton } from "./components/error-page";
export { FormAlert } from "./components/form-alert";
export { FormNotice } from "./components/form-notice";
export { LogOutButton } from "./components/log-out-button";
export { LoginForm, type ResendAnswer } from "./components/login-form";
export { MarketStatusBadge } from "./components/market-status-badge";
export { RecoveryCodes } from "./components/recovery-codes";
export { Spinner } from "./components/spinner";
export { SubmitButton } from "./components/submit-button";
export { TextField } from "./components/text-field";
export { type ToastInput, ToastProvider, type ToastTone, useToast } from "./components/toaster";
export { TwoFactorSetup } from "./components/two-factor-setup";
export { useHydrated } from "./components/use-hydrated";
export type { LogInInput, LogInState } from "./lib/credentials";
export { formText } from "./lib/form-text";
export { safeRedirectPath } from "./lib/safe-redirect";
export { refuseOversizedBatch, TRPC_MAX_BATCH_SIZE } from "./lib/trpc-batch";
