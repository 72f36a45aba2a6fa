/**
 * Server-only helpers of the trading app and the admin console: sessions, log-in actions, the
 * request's address, configuration and connections. They import next-auth or read requests and
 * the environment, so no client component may import this entry.
 */
export { authCookieConfig, requestIsHttps } from "./auth-cookies";
export { clientIp, requestClient, withTrustedClientAddress } from "./client-ip";
export {
  type CredentialsAuthOptions,
  credentialsAuthConfig,
  sessionAccountId,
  sessionIdOf,
} from "./credentials-auth";
export { type ServicesEnv, servicesConfig } from "./env";
export { oncePerProcess } from "./once-per-process";
export {
  clearChallenge,
  type LogInFlow,
  logInFromForm,
  logInWithCodeFromForm,
  type PasswordStepAnswer,
  readChallenge,
  signInWithTicket,
  signInWithTicketInPlace,
  spokenErrorCode,
  spokenErrorText,
  type TicketSignIn,
} from "./password-log-in";
export {
  contentSecurityPolicy,
  type ExchangeProxyOptions,
  exchangeProxy,
  freshNonce,
} from "./proxy";
