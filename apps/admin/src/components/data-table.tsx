import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { RefreshButton } from "./refresh-button";

export interface Column {
  header: string;
  /** Numbers and amounts align right so their digits line up. */
  align?: "left" | "right";
}

/**
 * What the table holds right now.
 * - `ready`: `rows`, or `empty` when there are none.
 * - `loading`: placeholder rows under the headers and a status line saying it is loading.
 * - `error`: the rows could not be read; says so and offers a retry (`retry`, or a reload).
 */
export type TableState = "ready" | "loading" | "error";

const LOADING_ROWS = 4;

/**
 * A dense console table. `rows` are the table's `<tr>`s; when there are none, `empty` is shown
 * across the full width under the headers, so staff still see what the table would hold. While
 * loading or after a failed read the headers stay, so the page does not jump when rows arrive.
 */
export function DataTable({
  caption,
  columns,
  rows,
  empty,
  minWidth = "min-w-[760px]",
  state = "ready",
  retry,
}: {
  caption: string;
  columns: readonly Column[];
  rows: readonly ReactNode[];
  /** What an empty table says: why it is empty (EmptyState). A generic line when absent. */
  empty?: ReactNode;
  /** Below this the table scrolls sideways; a narrow table (a side panel's) passes "min-w-0". */
  minWidth?: string;
  state?: TableState;
  /** The error state's retry; a client table passes its refetch. Reloads the page by default. */
  retry?: ReactNode;
}) {
  return (
    <div className="overflow-hidden rounded-lg border border-line bg-surface">
      {/*
        A wide table scrolls sideways; focusable, so a keyboard can scroll it too. Not a named
        region: pages already name their sections, and a second name would shadow theirs.
      */}
      <div
        className="overflow-x-auto focus-visible:outline-2 focus-visible:outline-brand"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling container must take focus to scroll by keyboard
        tabIndex={0}
      >
        <table
          className={`w-full ${minWidth} border-collapse text-[13px]`}
          aria-busy={state === "loading" ? true : undefined}
        >
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="border-b border-line bg-raised/40 text-xs text-ink-faint">
              {columns.map((column, index) => (
                <th
                  // biome-ignore lint/suspicious/noArrayIndexKey: headers may repeat ("") and never reorder
                  key={`${index}-${column.header}`}
                  scope="col"
                  className={`h-9 px-4 font-medium whitespace-nowrap ${
                    column.align === "right" ? "text-right" : "text-left"
                  }`}
                >
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="[&>tr]:border-b [&>tr]:border-line [&>tr:last-child]:border-b-0 [&>tr:hover]:bg-hover">
            {state === "loading" ? (
              <LoadingRows caption={caption} columns={columns.length} />
            ) : state === "error" ? (
              <FullWidthRow columns={columns.length}>
                <TableError retry={retry} />
              </FullWidthRow>
            ) : rows.length > 0 ? (
              rows
            ) : (
              <FullWidthRow columns={columns.length}>{empty ?? <DefaultEmpty />}</FullWidthRow>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function FullWidthRow({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={columns} className="p-0">
        {children}
      </td>
    </tr>
  );
}

function LoadingRows({ caption, columns }: { caption: string; columns: number }) {
  const t = useTranslations("common.table");
  return (
    <>
      <tr>
        <td colSpan={columns} className="px-4 py-2 text-xs text-ink-muted">
          <span role="status" data-testid="table-loading">
            {t("loadingTable", { caption })}
          </span>
        </td>
      </tr>
      {Array.from({ length: LOADING_ROWS }, (_, row) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have nothing else to key on
        <tr key={row}>
          {Array.from({ length: columns }, (_, cell) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have nothing else to key on
            <td key={cell} className="h-10 px-4">
              <span
                aria-hidden="true"
                className="block h-3 w-full max-w-24 animate-pulse rounded bg-raised"
              />
            </td>
          ))}
        </tr>
      ))}
    </>
  );
}

function TableError({ retry }: { retry?: ReactNode }) {
  const t = useTranslations("common.table");
  return (
    <div
      role="alert"
      data-testid="table-error"
      className="flex flex-col items-center gap-3 px-6 py-12 text-center"
    >
      <p className="text-sm font-medium text-down">{t("errorTitle")}</p>
      <p className="max-w-sm text-[13px] text-ink-muted">{t("errorHint")}</p>
      {retry ?? <RefreshButton label={t("retry")} />}
    </div>
  );
}

function DefaultEmpty() {
  const t = useTranslations("common.table");
  return (
    <div
      className="flex flex-col items-center gap-1 px-6 py-10 text-center"
      data-testid="empty-state"
    >
      <p className="text-sm font-medium text-ink">{t("emptyTitle")}</p>
      <p className="text-[13px] text-ink-muted">{t("emptyHint")}</p>
    </div>
  );
}
