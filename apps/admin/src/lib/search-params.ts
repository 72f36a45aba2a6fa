/** Next.js search params: each key a string, a repeated key's values, or absent. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** The param's single value, trimmed; repeated or absent → "". */
export function paramOf(params: SearchParams, key: string): string {
  const value = params[key];
  return typeof value === "string" ? value.trim() : "";
}

/** A 1-based page number; anything else is page 1. */
export function pageParam(params: SearchParams): number {
  const value = paramOf(params, "page");
  return /^[1-9]\d{0,3}$/.test(value) ? Number(value) : 1;
}

/** `path?k=v…` without the empty ones, so links stay short and readable. */
export function hrefWith(path: string, params: Record<string, string | number | undefined>) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== "") query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
