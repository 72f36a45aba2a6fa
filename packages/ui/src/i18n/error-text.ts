"use client";

import { useLocale, useTranslations } from "next-intl";

/** What a tRPC error (or a route's JSON error) carries that the words depend on. */
export interface ApiErrorLike {
  message: string;
  data?: {
    appCode?: string;
    rejectCode?: number;
    retryAfterS?: number;
    correlationId?: string;
  } | null;
}

interface LooseTranslator {
  (key: string, values: Record<string, string | number>): string;
  has(key: string): boolean;
}

/**
 * An API error in the viewer's language. English reads the server's own sentence, which can be
 * more specific; other languages read the catalog's sentence for the error's code (and for an
 * order the engine refused, its reject code), with the server's sentence only as a last resort.
 */
export function useErrorText(): (error: ApiErrorLike) => string {
  // Keys built from the error's codes: checked with `has` at run time, not by the compiler.
  const t = useTranslations("ui.errors") as unknown as LooseTranslator;
  const locale = useLocale();
  return (error) => {
    const data = error.data ?? undefined;
    if (locale === "en" || !data?.appCode) return error.message;
    const values = {
      seconds: data.retryAfterS ?? 0,
      reference: data.correlationId ?? "",
    };
    const reject = `reject.${data.rejectCode}`;
    if (data.rejectCode !== undefined && t.has(reject)) return t(reject, values);
    return t.has(data.appCode) ? t(data.appCode, values) : error.message;
  };
}
