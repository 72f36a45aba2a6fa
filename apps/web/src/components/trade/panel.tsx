import type { ReactNode } from "react";

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
  return (
    <section
      aria-label={typeof title === "string" ? title : undefined}
      data-testid={testId}
      style={{ gridArea: area }}
      className={`flex min-h-0 min-w-0 flex-col bg-surface ${className ?? ""}`}
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

/** A quiet message in place of a panel's content: loading, empty, failed. */
export function PanelMessage({ children }: { children: ReactNode }) {
  return (
    <div className="flex flex-1 items-center justify-center px-4 py-8 text-center text-xs text-ink-faint">
      {children}
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
            className={`relative flex items-center text-[13px] font-medium whitespace-nowrap transition-colors ${
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
