import { groupThousands } from "@exchange/contracts/money";

/** A right-aligned decimal with its unit, digits lined up (tabular numerals). */
export function AmountCell({ value, unit }: { value: string; unit?: string }) {
  return (
    <td className="px-4 text-right whitespace-nowrap tabular-nums">
      <span className="text-ink">{groupThousands(value)}</span>
      {unit ? <span className="ml-1 text-xs text-ink-faint">{unit}</span> : null}
    </td>
  );
}
