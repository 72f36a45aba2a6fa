"use client";

import { type ErrorPageProps, RetryButton } from "@exchange/ui";
import { useTranslations } from "next-intl";

/** A page of the console failed to load (database or engine trouble): say so and offer a retry. */
export default function ConsoleError({ error, reset }: ErrorPageProps) {
  const t = useTranslations("common.error");
  return (
    <div
      role="alert"
      className="flex flex-1 flex-col items-center justify-center gap-4 px-4 py-20 text-center"
    >
      <p className="text-xs font-semibold tracking-wider text-down">{t("eyebrow")}</p>
      <h1 className="text-xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="max-w-md text-[13px] text-ink-muted">
        {t("body")}
        {error.digest ? (
          <>
            {" "}
            {t.rich("reference", {
              digest: error.digest,
              code: (chunks) => <code className="font-mono text-xs text-ink">{chunks}</code>,
            })}
          </>
        ) : null}
      </p>
      <RetryButton onRetry={reset} />
    </div>
  );
}
