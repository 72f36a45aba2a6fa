import type { ReactNode } from "react";

export interface Column {
  header: string;
  /** Numbers and amounts align right so their digits line up. */
  align?: "left" | "right";
}

/**
 * A dense console table. `rows` are the table's `<tr>`s; when there are none, `empty` is shown
 * across the full width under the headers, so staff still see what the table would hold.
 */
export function DataTable({
  caption,
  columns,
  rows,
  empty,
  minWidth = "min-w-[760px]",
}: {
  caption: string;
  columns: readonly Column[];
  rows: readonly ReactNode[];
  empty: ReactNode;
  /** Below this the table scrolls sideways; a narrow table (a side panel's) passes "min-w-0". */
  minWidth?: string;
}) {
  return (
    <div className="overflow-hidden rounded-lg border border-line bg-surface">
      <div className="overflow-x-auto">
        <table className={`w-full ${minWidth} border-collapse text-[13px]`}>
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="border-b border-line bg-raised/40 text-xs text-ink-faint">
              {columns.map((column) => (
                <th
                  key={column.header}
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
            {rows.length > 0 ? (
              rows
            ) : (
              <tr>
                <td colSpan={columns.length} className="p-0">
                  {empty}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
