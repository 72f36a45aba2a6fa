"use client";

import { useTranslations } from "next-intl";
import type { StaffRole } from "@/lib/staff-roles";

export const STAFF_ROLES: readonly StaffRole[] = ["ADMIN", "COMPLIANCE", "FINANCE", "OPERATIONS"];

/** One checkbox per role, as a named group; the form sends the ticked ones as `roles`. */
export function RoleCheckboxes({
  legend,
  checked = [],
}: {
  legend: string;
  checked?: readonly StaffRole[];
}) {
  const t = useTranslations("common.roles");
  return (
    <fieldset className="flex flex-col gap-1.5">
      <legend className="mb-1.5 text-[13px] font-medium text-ink-muted">{legend}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-2">
        {STAFF_ROLES.map((role) => (
          <label
            key={role}
            className="flex min-h-10 items-center gap-2 text-sm text-ink sm:min-h-0"
          >
            <input
              type="checkbox"
              name="roles"
              value={role}
              defaultChecked={checked.includes(role)}
              className="size-4 accent-brand"
            />
            {t(role)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
