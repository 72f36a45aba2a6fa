/**
 * The browser a request came from, as the account owner recognises it ("Chrome on macOS"), and
 * the raw header bounded for storage. The header is the client's own claim: it helps a person
 * tell their sessions apart and staff read the audit log, and is never trusted for a decision.
 */

/** `auth_sessions.user_agent` and `audit_log.user_agent` are VARCHAR(512). */
export const USER_AGENT_MAX_CHARS = 512;

/** A browser and an operating system by their product names; null when not recognised. */
export interface DeviceSummary {
  browser: string | null;
  os: string | null;
}

/** The header as stored: control characters removed, trimmed, at most 512 characters. */
export function boundUserAgent(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  // Cut, then trim: a cut can end on a space.
  const clean = raw
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .slice(0, USER_AGENT_MAX_CHARS)
    .trim();
  return clean.length === 0 ? undefined : clean;
}

/** Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari". */
const BROWSERS: readonly [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, "Edge"],
  [/\b(OPR|Opera)\//, "Opera"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\b(Firefox|FxiOS)\//, "Firefox"],
  [/\b(Chrome|CriOS|Chromium|HeadlessChrome)\//, "Chrome"],
  [/\bVersion\/[\d.]+.*\bSafari\//, "Safari"],
  [/\bcurl\//, "curl"],
];

const SYSTEMS: readonly [RegExp, string][] = [
  [/\b(iPhone|iPad|iPod)\b/, "iOS"],
  [/\bAndroid\b/, "Android"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bWindows\b/, "Windows"],
  [/\b(Macintosh|Mac OS X)\b/, "macOS"],
  [/\bLinux\b/, "Linux"],
];

/** The browser and system a user agent names, or null when it names neither (or is absent). */
export function summarizeUserAgent(userAgent: string | null | undefined): DeviceSummary | null {
  if (!userAgent) return null;
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null;
  const os = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null;
  return browser === null && os === null ? null : { browser, os };
}
