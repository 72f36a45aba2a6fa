import { AuthCard } from "@exchange/ui";
import type { ReactNode } from "react";

/** The frame of the log-in and registration pages: one focused card on a quiet backdrop. */
export function AuthPanel({
  title,
  subtitle,
  children,
  footer,
}: {
  title: string;
  subtitle: string;
  children: ReactNode;
  footer: ReactNode;
}) {
  return (
    <div className="relative flex flex-1 items-start justify-center overflow-hidden px-4 py-12 sm:items-center sm:py-16">
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-x-0 top-0 h-96 bg-[radial-gradient(ellipse_at_top,--theme(--color-brand/12%),transparent_65%)]"
      />
      <section className="relative w-full max-w-[400px]">
        <AuthCard title={title} subtitle={subtitle}>
          {children}
        </AuthCard>
        <p className="mt-5 text-center text-[13px] text-ink-muted">{footer}</p>
      </section>
    </div>
  );
}
