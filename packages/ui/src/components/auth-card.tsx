import type { ReactNode } from "react";

/** The card of a log-in or registration page: a title, a line of context, then the form. */
export function AuthCard({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle: string;
  children: ReactNode;
}) {
  return (
    <div className="w-full rounded-xl border border-line bg-surface p-6 shadow-2xl shadow-black/40 sm:p-8">
      <header className="mb-6 flex flex-col gap-1.5">
        <h1 className="text-xl font-semibold tracking-tight text-ink">{title}</h1>
        <p className="text-[13px] text-ink-muted">{subtitle}</p>
      </header>
      {children}
    </div>
  );
}
