import type { ReactNode } from "react";

/** A section of the wallet pages: a titled card like the account pages'. */
export function WalletCard({
  title,
  actions,
  children,
  testId,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section
      aria-label={title}
      data-testid={testId}
      className="flex min-w-0 flex-col gap-4 rounded-xl border border-line bg-surface p-4 sm:p-6"
    >
      <header className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-base font-semibold tracking-tight text-ink">{title}</h2>
        {actions}
      </header>
      {children}
    </section>
  );
}
