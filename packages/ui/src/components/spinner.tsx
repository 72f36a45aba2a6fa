import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

/**
 * A small busy indicator in the current text colour, for buttons waiting on the server. With
 * `label`, it also says "Loading…" (announced politely), for a panel whose data is on its way.
 */
export function Spinner({ label = false }: { label?: boolean }) {
  const icon = (
    <svg className="size-4 animate-spin" viewBox="0 0 24 24" fill="none" aria-hidden="true">
      <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" />
      <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
  if (!label) return icon;
  return <SpinnerWithLabel icon={icon} />;
}

function SpinnerWithLabel({ icon }: { icon: ReactNode }) {
  const t = useTranslations("ui.spinner");
  return (
    <span role="status" className="inline-flex items-center gap-2 text-[13px] text-ink-muted">
      {icon}
      {t("loading")}
    </span>
  );
}
