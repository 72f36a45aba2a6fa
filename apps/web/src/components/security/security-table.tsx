import type { ReactNode } from "react";

/** A column of a security table; `hidden` keeps its name for screen readers only. */
export interface SecurityColumn {
  label: string;
  hidden?: boolean;
}

/**
 * The frame of the Security page's lists (sessions, log-ins): a captioned table that scrolls
 * sideways on a phone, and takes focus so a keyboard can scroll it.
 */
export function SecurityTable({
  caption,
  columns,
  children,
}: {
  caption: string;
  columns: readonly SecurityColumn[];
  children: ReactNode;
}) {
  return (
    <section
      // Relative, so a header's screen-reader-only label (absolutely placed) stays inside the
      // scroller: otherwise it is placed past a wide table's right edge and widens the page.
      className="relative overflow-x-auto rounded-lg ring-1 ring-line focus-visible:outline-2"
      aria-label={caption}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: it scrolls sideways on a phone, and a scrolling region must be reachable by keyboard (WCAG 2.1.1)
      tabIndex={0}
    >
      <table className="w-full min-w-[520px] border-collapse text-[13px]">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-line bg-raised/40 text-left text-xs text-ink-muted">
            {columns.map((column) => (
              <th key={column.label} scope="col" className="h-9 px-3 font-medium">
                {column.hidden ? <span className="sr-only">{column.label}</span> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </section>
  );
}
