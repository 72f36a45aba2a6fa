"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useActionState } from "react";
import { decideTwoFactorResetAction, type StaffFormState } from "@/app/actions/staff-actions";
import { ConfirmSubmit } from "./confirm-submit";
import { StaffFormMessage } from "./staff-form-message";

export interface PendingReset {
  id: number;
  staffName: string;
  staffEmail: string;
  requestedById: number;
  requestedByName: string;
  reason: string;
  createdAt: Date;
}

/**
 * Two-factor resets waiting for a second administrator. The one who asked sees their request
 * without "Approve" (the server refuses it too) and may withdraw it by rejecting.
 */
export function TwoFactorResets({ resets, selfId }: { resets: PendingReset[]; selfId: number }) {
  const t = useTranslations("staff.reset");
  if (resets.length === 0) return null;
  return (
    <section
      aria-labelledby="pending-resets-title"
      className="flex flex-col gap-3 rounded-lg border border-warn/40 bg-surface p-4"
    >
      <h2 id="pending-resets-title" className="text-sm font-semibold text-ink">
        {t("pendingTitle", { count: resets.length })}
      </h2>
      <ul className="flex flex-col gap-3">
        {resets.map((reset) => (
          <ResetRow key={reset.id} reset={reset} askedBySelf={reset.requestedById === selfId} />
        ))}
      </ul>
    </section>
  );
}

function ResetRow({ reset, askedBySelf }: { reset: PendingReset; askedBySelf: boolean }) {
  const t = useTranslations("staff.reset");
  const format = useFormatter();
  const [state, action, pending] = useActionState<StaffFormState, FormData>(
    decideTwoFactorResetAction,
    {},
  );
  return (
    <li
      data-testid="pending-reset"
      className="flex flex-col gap-2 border-t border-line pt-3 first:border-0 first:pt-0"
    >
      <p className="text-sm text-ink">
        {t("pendingLine", {
          name: reset.staffName,
          email: reset.staffEmail,
          requester: reset.requestedByName,
          time: format.dateTime(new Date(reset.createdAt), "dateTime"),
        })}
      </p>
      <p className="text-xs text-ink-muted">
        {t("reasonWas")} <q translate="no">{reset.reason}</q>
      </p>
      <form action={action} className="flex flex-wrap items-center gap-2">
        <input type="hidden" name="resetId" value={reset.id} />
        {askedBySelf ? (
          <span className="text-xs text-ink-faint">{t("waitingForSecond")}</span>
        ) : (
          <ConfirmSubmit
            label={t("approve")}
            question={t("approveQuestion", { name: reset.staffName })}
            pending={pending}
            name="decision"
            value="approve"
            danger
          />
        )}
        <ConfirmSubmit
          label={askedBySelf ? t("withdrawRequest") : t("reject")}
          question={t("rejectQuestion", { name: reset.staffName })}
          pending={pending}
          name="decision"
          value="reject"
        />
        <StaffFormMessage state={state} />
      </form>
    </li>
  );
}
