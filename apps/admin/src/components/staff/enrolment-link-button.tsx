"use client";

import { buttonClasses } from "@exchange/ui";
import { useFormatter, useTranslations } from "next-intl";
import { useActionState } from "react";
import { createEnrolmentLinkAction, type EnrolmentLinkState } from "@/app/actions/staff-actions";

/** "Create set-up link" for one staff member; shows the link once, to copy and hand over. */
export function EnrolmentLinkButton({ staffId, name }: { staffId: number; name: string }) {
  const t = useTranslations("staff.link");
  const format = useFormatter();
  const [state, action, pending] = useActionState<EnrolmentLinkState, FormData>(
    createEnrolmentLinkAction,
    {},
  );
  return (
    <form action={action} className="flex flex-col items-end gap-1.5">
      <input type="hidden" name="staffId" value={staffId} />
      <button
        type="submit"
        disabled={pending}
        className={`${buttonClasses("secondary", "sm")} min-h-10 sm:min-h-0`}
        aria-label={t("createFor", { name })}
      >
        {state.link ? t("createAgain") : t("create")}
      </button>
      {state.link ? (
        <output
          data-testid="enrolment-link"
          className="max-w-96 break-all rounded-md bg-raised px-2 py-1 font-mono text-xs text-ink ring-1 ring-line ring-inset"
        >
          {state.link}
        </output>
      ) : null}
      {state.link && state.expiresAt ? (
        <span className="text-xs text-ink-faint">
          {t("expires", { time: format.dateTime(new Date(state.expiresAt), "dateTime") })}
        </span>
      ) : null}
      {state.error ? (
        <span role="alert" className="text-xs text-down">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
