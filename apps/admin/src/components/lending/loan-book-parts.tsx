import { formatDecimalText } from "@exchange/ui/i18n";
import { useLocale, useTranslations } from "next-intl";
import { ppmPercent } from "@/lib/ppm-percent";
import type { StaffLoan } from "./loan-book-types";

/**
 * The pieces of operations' loan book shared by the risk list and a loan's page: its status,
 * its LTV coloured by the lines it has crossed, and how far the index may fall before a line.
 */

const STATUS_TONE: Record<StaffLoan["status"], string> = {
  PENDING: "bg-raised text-ink-muted ring-line-strong",
  OPEN: "bg-up/10 text-up ring-up/30",
  LIQUIDATING: "bg-down/10 text-down ring-down/30",
  CLOSED: "bg-raised text-ink-muted ring-line-strong",
  LIQUIDATED: "bg-warn/10 text-warn ring-warn/30",
};

export function LoanStatusBadge({ status }: { status: StaffLoan["status"] }) {
  const t = useTranslations("lending.book.status");
  return (
    <span
      data-testid="loan-status"
      data-status={status}
      className={`inline-flex items-center rounded px-1.5 py-0.5 text-[11px] font-medium whitespace-nowrap ring-1 ring-inset ${STATUS_TONE[status]}`}
    >
      {t(status)}
    </span>
  );
}

/** Red past the liquidation line, amber past the warning line. */
function ltvTone(loan: Pick<StaffLoan, "ltvPpm" | "warningLtvPpm" | "liquidationLtvPpm">) {
  if (loan.ltvPpm === null) return "text-ink-faint";
  if (loan.ltvPpm >= loan.liquidationLtvPpm) return "text-down";
  if (loan.ltvPpm >= loan.warningLtvPpm) return "text-warn";
  return "text-ink";
}

/** The LTV at the index, rounded up; "—" without an index. */
export function LtvText({ loan }: { loan: StaffLoan }) {
  return (
    <span data-testid="loan-ltv" className={`font-medium tabular-nums ${ltvTone(loan)}`}>
      {loan.ltvPpm === null ? "—" : `${ppmPercent(loan.ltvPpm, "up")} %`}
    </span>
  );
}

/**
 * A line's price and how far below the index it lies (the fall left before it acts); "passed"
 * once the index is at or past it.
 */
export function LineDistance({
  price,
  distancePpm,
  asset,
  testId,
  align = "end",
}: {
  price: string;
  distancePpm: number | null;
  asset: string;
  testId: string;
  /** "end" in a table's right-aligned column, "start" among a card's facts. */
  align?: "start" | "end";
}) {
  const t = useTranslations("lending.book");
  const locale = useLocale();
  const passed = distancePpm !== null && distancePpm <= 0;
  return (
    <span
      className={`flex flex-col ${align === "end" ? "items-end" : "items-start"}`}
      data-testid={testId}
    >
      <span className={`tabular-nums ${passed ? "text-down" : "text-ink"}`}>
        {distancePpm === null
          ? "—"
          : passed
            ? t("passed")
            : t("fallLeft", { percent: ppmPercent(distancePpm, "down") })}
      </span>
      <span className="text-xs text-ink-faint tabular-nums">
        @ {formatDecimalText(price, locale)} {asset}
      </span>
    </span>
  );
}
