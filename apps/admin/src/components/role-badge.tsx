import { useTranslations } from "next-intl";
import type { StaffRole } from "@/lib/staff-roles";

/** One colour per role, so a glance at the top bar says whose console this is. */
const ROLE_COLORS: Record<StaffRole, string> = {
  ADMIN: "bg-violet-500/12 text-violet-300 ring-violet-400/25",
  COMPLIANCE: "bg-sky-500/12 text-sky-300 ring-sky-400/25",
  FINANCE: "bg-emerald-500/12 text-emerald-300 ring-emerald-400/25",
  OPERATIONS: "bg-amber-500/12 text-amber-300 ring-amber-400/25",
};

export function RoleBadge({ role }: { role: StaffRole }) {
  const t = useTranslations("common.roles");
  return (
    <span
      data-testid="role-badge"
      className={`inline-flex items-center rounded px-1.5 py-0.5 text-[11px] font-semibold tracking-wide whitespace-nowrap uppercase ring-1 ring-inset ${ROLE_COLORS[role]}`}
    >
      {t(role)}
    </span>
  );
}
