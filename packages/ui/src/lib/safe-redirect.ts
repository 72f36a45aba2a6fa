/**
 * A `next` parameter is user input: only same-site paths are followed, so a crafted log-in
 * link cannot send someone to a look-alike site after they enter their password. Anything
 * else goes to `fallback`, the app's own landing page.
 */
export function safeRedirectPath(next: unknown, fallback: string): string {
  if (typeof next !== "string" || !next.startsWith("/")) return fallback;
  if (next.startsWith("//") || next.startsWith("/\\")) return fallback;
  return next;
}
