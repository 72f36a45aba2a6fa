import type { ReactNode } from "react";

/** A titled panel of the page. */
export function Panel({
  title,
  description,
  children,
}: {
  title: string;
  description: string;
  children: ReactNode;
}) {
  return (
    <section className="mt-6 flex flex-col gap-4 rounded-lg border border-line bg-surface p-4">
      <header>
        <h2 className="text-sm font-semibold text-ink">{title}</h2>
        <p className="text-[13px] text-ink-muted">{description}</p>
      </header>
      {children}
    </section>
  );
}
