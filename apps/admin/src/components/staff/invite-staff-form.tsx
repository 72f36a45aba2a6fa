"use client";

import { buttonClasses, TextField } from "@exchange/ui";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { inviteStaffAction, type StaffFormState } from "@/app/actions/staff-actions";
import type { StaffRole } from "@/lib/staff-roles";
import { RoleCheckboxes } from "./role-checkboxes";
import { StaffFormMessage } from "./staff-form-message";

/** Address, name and roles of a new member; they get a mail with a one-time link. */
export function InviteStaffForm() {
  const t = useTranslations("staff.invite");
  const [state, action, pending] = useActionState<StaffFormState, FormData>(inviteStaffAction, {});
  return (
    <section
      aria-labelledby="invite-staff-title"
      className="flex flex-col gap-4 rounded-lg border border-line bg-surface p-4"
    >
      <div>
        <h2 id="invite-staff-title" className="text-sm font-semibold text-ink">
          {t("title")}
        </h2>
        <p className="mt-1 text-xs text-ink-muted">{t("hint")}</p>
      </div>
      {/* The form clears after each answer; a refused invitation's fields come back filled. */}
      <form action={action} className="flex flex-col gap-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label={t("email")}
            name="email"
            type="email"
            required
            maxLength={254}
            defaultValue={state.values?.email}
          />
          <TextField
            label={t("name")}
            name="name"
            required
            maxLength={100}
            defaultValue={state.values?.name}
          />
        </div>
        <RoleCheckboxes
          key={state.values ? state.error : "empty"}
          legend={t("roles")}
          checked={(state.values?.roles ?? []) as StaffRole[]}
        />
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            disabled={pending}
            aria-busy={pending}
            className={`${buttonClasses("primary", "md")} min-h-10`}
          >
            {t("submit")}
          </button>
          <StaffFormMessage state={state} />
        </div>
      </form>
    </section>
  );
}
