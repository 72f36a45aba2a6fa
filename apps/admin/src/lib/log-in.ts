/** The cookie that carries a staff log-in between its steps (httpOnly, path /login). */
export const CHALLENGE_COOKIE = "exchange-admin.login-challenge";
