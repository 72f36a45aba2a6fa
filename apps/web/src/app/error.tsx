"use client";

import { buttonClasses, type ErrorPageProps } from "@exchange/ui";
import { useTranslations } from "next-intl";

/** A page failed on the server. Traders get a calm message and a retry, never a stack trace. */
export default function PageError({ error, reset }: ErrorPageProps) {
  const t = useTranslations("common");
  return (
    <div
      role="alert"
      className="flex flex-1 flex-col items-center justify-center gap-4 px-4 py-24 text-center"
    >
      <h1 className="text-2xl font-semibold tracking-tight">{t("error.title")}</h1>
      <p className="max-w-sm text-ink-muted">
        {t("error.body")}
        {error.digest ? (
          <span className="mt-2 block text-xs text-ink-muted">
            {t.rich("error.reference", {
              digest: error.digest,
              code: (chunks) => <code className="font-mono">{chunks}</code>,
            })}
          </span>
        ) : null}
      </p>
      <button type="button" onClick={reset} className={buttonClasses("secondary", "md")}>
        {t("retry")}
      </button>
    </div>
  );
}
