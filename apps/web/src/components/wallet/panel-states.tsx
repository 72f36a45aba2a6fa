"use client";

import { buttonClasses, Spinner } from "@exchange/ui";
import { type ApiErrorLike, useErrorText } from "@exchange/ui/i18n";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

/** A panel still reading its data: says what it is loading, and is announced politely. */
export function PanelLoading({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="flex items-center gap-2 text-[13px] text-ink-muted">
      <Spinner /> {children}
    </p>
  );
}

/**
 * A panel whose data could not be read: the reason in the viewer's language and a way to try
 * again (most failures are a moment's outage of the API or the database).
 */
export function PanelError({
  error,
  onRetry,
  testId,
}: {
  error: ApiErrorLike;
  onRetry: () => void;
  testId?: string;
}) {
  const t = useTranslations("wallet.states");
  const errorText = useErrorText();
  return (
    <div
      role="alert"
      data-testid={testId ?? "panel-error"}
      className="flex flex-col items-start gap-3 rounded-md bg-down/10 px-3 py-3 text-[13px] text-down ring-1 ring-down/30 ring-inset sm:flex-row sm:items-center sm:justify-between"
    >
      <span>{errorText(error)}</span>
      <button
        type="button"
        onClick={onRetry}
        className={`${buttonClasses("secondary", "sm")} max-sm:h-10 max-sm:px-4`}
      >
        {t("retry")}
      </button>
    </div>
  );
}

/** Buttons and links styled as small buttons, at least 40 px tall where fingers press them. */
export const TOUCH = "max-sm:h-10 max-sm:px-4";
