"use client";

import { buttonClasses } from "@exchange/ui";
import { useTranslations } from "next-intl";
import { useActionState, useId, useState } from "react";
import {
  requestTwoFactorResetAction,
  resendInviteAction,
  type StaffFormState,
  setActiveAction,
  setRolesAction,
  withdrawInviteAction,
} from "@/app/actions/staff-actions";
import type { StaffRole } from "@/lib/staff-roles";
import { ConfirmSubmit } from "./confirm-submit";
import { EnrolmentLinkButton } from "./enrolment-link-button";
import { RoleCheckboxes } from "./role-checkboxes";
import { StaffFormMessage } from "./staff-form-message";

export interface ManagedMember {
  id: number;
  name: string;
  roles: StaffRole[];
  status: "INVITED" | "ACTIVE" | "INACTIVE";
  twoFactorEnabled: boolean;
}

/**
 * What an administrator can do to one member, behind a disclosure button so the list stays readable:
 * roles, deactivation or reactivation, the invitation (re-send, withdraw), a two-factor reset
 * request or a set-up link. The server decides; these forms only ask.
 */
export function MemberActions({ member, isSelf }: { member: ManagedMember; isSelf: boolean }) {
  const t = useTranslations("staff.manage");
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className="flex flex-col items-end" data-testid="member-actions">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        className={`${buttonClasses("secondary", "sm")} min-h-10 sm:min-h-8`}
        aria-label={t("openFor", { name: member.name })}
      >
        {t("open")}
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="mt-2 flex w-72 max-w-[80vw] flex-col gap-4 rounded-lg border border-line bg-raised p-3 text-left sm:w-80"
      >
        <RolesForm member={member} />
        {member.status === "INVITED" ? <InviteForms member={member} /> : null}
        {member.status !== "INVITED" ? <ActivityForm member={member} /> : null}
        {member.status === "ACTIVE" && member.twoFactorEnabled && !isSelf ? (
          <ResetRequestForm member={member} />
        ) : null}
        {member.status === "ACTIVE" && !member.twoFactorEnabled ? (
          <EnrolmentLinkButton staffId={member.id} name={member.name} />
        ) : null}
      </div>
    </div>
  );
}

function RolesForm({ member }: { member: ManagedMember }) {
  const t = useTranslations("staff.manage");
  const [state, action, pending] = useActionState<StaffFormState, FormData>(setRolesAction, {});
  return (
    <form
      action={action}
      className="flex flex-col gap-2"
      aria-label={t("rolesFor", { name: member.name })}
    >
      <input type="hidden" name="staffId" value={member.id} />
      <RoleCheckboxes legend={t("roles")} checked={member.roles} />
      <div className="flex flex-wrap items-center gap-2">
        <ConfirmSubmit
          label={t("saveRoles")}
          question={t("saveRolesQuestion", { name: member.name })}
          pending={pending}
        />
        <StaffFormMessage state={state} />
      </div>
    </form>
  );
}

function ActivityForm({ member }: { member: ManagedMember }) {
  const t = useTranslations("staff.manage");
  const [state, action, pending] = useActionState<StaffFormState, FormData>(setActiveAction, {});
  const deactivate = member.status === "ACTIVE";
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="staffId" value={member.id} />
      <input type="hidden" name="active" value={deactivate ? "false" : "true"} />
      <ConfirmSubmit
        label={deactivate ? t("deactivate") : t("reactivate")}
        question={
          deactivate
            ? t("deactivateQuestion", { name: member.name })
            : t("reactivateQuestion", { name: member.name })
        }
        pending={pending}
        danger={deactivate}
      />
      <StaffFormMessage state={state} />
    </form>
  );
}

function InviteForms({ member }: { member: ManagedMember }) {
  const t = useTranslations("staff.manage");
  const [resent, resend, resending] = useActionState<StaffFormState, FormData>(
    resendInviteAction,
    {},
  );
  const [withdrawn, withdraw, withdrawing] = useActionState<StaffFormState, FormData>(
    withdrawInviteAction,
    {},
  );
  return (
    <div className="flex flex-col gap-2">
      <form action={resend} className="flex flex-wrap items-center gap-2">
        <input type="hidden" name="staffId" value={member.id} />
        <ConfirmSubmit
          label={t("resend")}
          question={t("resendQuestion", { name: member.name })}
          pending={resending}
        />
        <StaffFormMessage state={resent} />
      </form>
      <form action={withdraw} className="flex flex-wrap items-center gap-2">
        <input type="hidden" name="staffId" value={member.id} />
        <ConfirmSubmit
          label={t("withdraw")}
          question={t("withdrawQuestion", { name: member.name })}
          pending={withdrawing}
          danger
        />
        <StaffFormMessage state={withdrawn} />
      </form>
    </div>
  );
}

function ResetRequestForm({ member }: { member: ManagedMember }) {
  const t = useTranslations("staff.reset");
  const [state, action, pending] = useActionState<StaffFormState, FormData>(
    requestTwoFactorResetAction,
    {},
  );
  return (
    <form
      action={action}
      className="flex flex-col gap-2"
      aria-label={t("requestFor", { name: member.name })}
    >
      <input type="hidden" name="staffId" value={member.id} />
      <label className="flex flex-col gap-1 text-xs text-ink-muted">
        {t("reason")}
        <input
          name="reason"
          required
          minLength={3}
          maxLength={500}
          className="h-10 rounded-md bg-canvas px-2.5 text-[13px] text-ink ring-1 ring-line ring-inset focus:ring-2 focus:ring-brand focus:outline-none"
        />
      </label>
      <ConfirmSubmit
        label={t("request")}
        question={t("requestQuestion", { name: member.name })}
        pending={pending}
        danger
      />
      <StaffFormMessage state={state} />
    </form>
  );
}
