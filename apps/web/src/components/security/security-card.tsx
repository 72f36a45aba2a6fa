"use client";

import { buttonClasses, FormAlert, Spinner } from "@exchange/ui";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

/** One panel of the security page: a titled card, named for assistive technology by its heading. */
export function SecurityCard({
  title,
  badge,
  children,
  testId,
}: {
  title: string;
  badge?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section
      className="flex flex-col gap-5 rounded-xl border border-line bg-surface p-4 sm:p-6"
      aria-label={title}
      data-testid={testId}
    >
      <header className="flex items-center justify-between gap-3">
        <h2 className="text-base font-semibold tracking-tight text-ink">{title}</h2>
        {badge}
      </header>
      {children}
    </section>
  );
}

/** A panel's data on its way: says so, for eyes and screen readers. */
export function PanelLoading() {
  const t = useTranslations("account.security");
  return (
    <p role="status" className="flex items-center gap-2 text-[13px] text-ink-muted">
      <Spinner /> {t("loading")}
    </p>
  );
}

/** A panel whose data could not be read: what failed, and a way to ask again. */
export function PanelError({ message, onRetry }: { message: string; onRetry: () => void }) {
  const t = useTranslations("account.security");
  return (
    <div className="flex flex-col items-start gap-3">
      <FormAlert>{message}</FormAlert>
      <button type="button" onClick={onRetry} className={buttonClasses("secondary", "md")}>
        {t("retry")}
      </button>
    </div>
  );
}
