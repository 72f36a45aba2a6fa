import type { SavingsProductStatus } from "@exchange/contracts/savings";
import { useTranslations } from "next-intl";

const TONES: Record<SavingsProductStatus, string> = {
  ACTIVE: "bg-up/10 text-up ring-up/30",
  PAUSED: "bg-warn/10 text-warn ring-warn/30",
};

export function ProductStatusBadge({ status }: { status: SavingsProductStatus }) {
  const t = useTranslations("products.status");
  return (
    <span
      data-testid="product-status"
      data-status={status}
      className={`inline-flex items-center rounded px-1.5 py-0.5 text-[11px] font-medium whitespace-nowrap ring-1 ring-inset ${TONES[status]}`}
    >
      {t(status)}
    </span>
  );
}
