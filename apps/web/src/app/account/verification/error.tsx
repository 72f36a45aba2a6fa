"use client";

import { type ErrorPageProps, RetryButton } from "@exchange/ui";
import { useTranslations } from "next-intl";

/** The status could not be read (a database or network hiccup): say so, and offer a retry. */
export default function VerificationError({ error, reset }: ErrorPageProps) {
  const t = useTranslations("verification.loadError");
  return (
    <div className="mx-auto flex w-full max-w-4xl flex-col items-start gap-3 px-4 py-8 sm:px-6">
      <h1 className="text-xl font-semibold tracking-tight">{t("title")}</h1>
      <p role="alert" className="text-[13px] text-ink-muted">
        {t("body")}
        {error.digest ? (
          <code className="mt-1 block font-mono text-xs text-ink-faint">{error.digest}</code>
        ) : null}
      </p>
      <RetryButton onRetry={reset} />
    </div>
  );
}
