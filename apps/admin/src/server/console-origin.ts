/**
 * The console's address as the administrator's browser reached it: the base of the links that
 * staff mails and hand-over links carry (the console has no configured public address). Only
 * staff requests read it, and a forged Host header can only mislead the forger's own mails.
 */
export function consoleOrigin(requestHeaders: Headers): string {
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost";
  const proto = requestHeaders.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http";
  return `${proto}://${host}`;
}
