export const DEFAULT_AFTER_LOGIN_PATH = "/markets";

/**
 * A `next` parameter is user input: only same-site paths are followed, so a crafted log-in
 * link cannot send a trader to a look-alike site after they enter their password.
 */
export function safeRedirectPath(next: unknown): string {
  if (typeof next !== "string" || !next.startsWith("/")) return DEFAULT_AFTER_LOGIN_PATH;
  if (next.startsWith("//") || next.startsWith("/\\")) return DEFAULT_AFTER_LOGIN_PATH;
  return next;
}
