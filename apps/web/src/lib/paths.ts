/** The trading app's landing page: where the logo, "back" links and a finished log-in lead. */
export const HOME_PATH = "/markets";

/** The cookie that carries a log-in between the password and the code step (httpOnly). */
export const CHALLENGE_COOKIE = "exchange-web.login-challenge";
