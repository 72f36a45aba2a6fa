"use client";

import { useTranslations } from "next-intl";
import { createContext, type ReactNode, useContext } from "react";

/**
 * On a phone the chart, book, trades and order form are tabs: the panel of the chosen one shows,
 * the others hide below the `md` width (they all show side by side above it). Null: no tabs.
 */
export const PhonePanelContext = createContext<string | null>(null);

/** The grid areas that are tabs on a phone. */
export const PHONE_TABS = ["chart", "book", "trades", "form"] as const;
export type PhoneTab = (typeof PHONE_TABS)[number];

/** `max-md:hidden` for a tabbed panel other than the chosen one. */
export function usePhoneHidden(area: string): string {
  const chosen = useContext(PhonePanelContext);
  const tabbed = (PHONE_TABS as readonly string[]).includes(area);
  return chosen !== null && tabbed && chosen !== area ? "max-md:hidden" : "";
}

/** One panel of the trading screen: a titled surface that fills its grid cell. */
export function Panel({
  title,
  actions,
  area,
  className,
  children,
  testId,
}: {
  title?: ReactNode;
  actions?: ReactNode;
  /** The grid area it occupies (trading-screen.tsx). */
  area: string;
  className?: string;
  children: ReactNode;
  testId?: string;
}) {
  const hidden = usePhoneHidden(area);
  return (
    <section
      aria-label={typeof title === "string" ? title : undefined}
      id={`panel-${area}`}
      data-testid={testId}
      style={{ gridArea: area }}
      className={`flex min-h-0 min-w-0 flex-col bg-surface ${hidden} ${className ?? ""}`}
    >
      {title !== undefined || actions ? (
        <header className="flex h-9 shrink-0 items-center gap-2 border-b border-line px-3">
          {typeof title === "string" ? (
            <h2 className="text-[13px] font-semibold text-ink">{title}</h2>
          ) : (
            title
          )}
          {actions ? <div className="ml-auto flex items-center gap-2">{actions}</div> : null}
        </header>
      ) : null}
      {children}
    </section>
  );
}

/**
 * A quiet message in place of a panel's content: loading (announced politely to screen
 * readers, and marked busy), or empty with the reason why.
 */
export function PanelMessage({ children, loading }: { children: ReactNode; loading?: boolean }) {
  return (
    <div
      role={loading ? "status" : undefined}
      aria-busy={loading || undefined}
      data-testid={loading ? "panel-loading" : "panel-message"}
      className="flex flex-1 items-center justify-center px-4 py-8 text-center text-xs text-ink-faint"
    >
      {children}
    </div>
  );
}

/** A panel's content failed to load: what failed, and a button to try again. */
export function PanelError({ children, onRetry }: { children: ReactNode; onRetry: () => void }) {
  const t = useTranslations("trade");
  return (
    <div
      role="alert"
      data-testid="panel-error"
      className="flex flex-1 flex-col items-center justify-center gap-2 px-4 py-8 text-center text-xs text-ink-muted"
    >
      <span>{children}</span>
      <button
        type="button"
        onClick={onRetry}
        className="inline-flex h-7 items-center rounded px-3 font-medium text-brand ring-1 ring-line-strong ring-inset hover:text-brand-hover max-md:h-10"
      >
        {t("retry")}
      </button>
    </div>
  );
}

/** Tabs in a panel header (order book / trades, order history, …). */
export function PanelTabs<T extends string>({
  tabs,
  current,
  onChange,
  label,
}: {
  tabs: readonly { id: T; label: ReactNode }[];
  current: T;
  onChange: (id: T) => void;
  label: string;
}) {
  return (
    <div role="tablist" aria-label={label} className="-mb-px flex h-9 items-stretch gap-4">
      {tabs.map((tab) => {
        const selected = tab.id === current;
        return (
          <button
            key={tab.id}
            type="button"
            role="tab"
            aria-selected={selected}
            onClick={() => onChange(tab.id)}
            className={`relative flex items-center text-[13px] font-medium whitespace-nowrap transition-colors max-md:min-h-10 ${
              selected
                ? "text-ink after:absolute after:inset-x-0 after:bottom-0 after:h-0.5 after:rounded-full after:bg-brand"
                : "text-ink-faint hover:text-ink-muted"
            }`}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
