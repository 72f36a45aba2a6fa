"use client";

import { buttonClasses } from "@exchange/ui";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { type SuspendState, suspendUserAction } from "@/app/actions/user-actions";

/** Suspends the trader with a reason; their sessions and open sockets end at once. */
export function SuspendUserForm({ userId }: { userId: number }) {
  const t = useTranslations("users.suspend");
  const [state, action, pending] = useActionState<SuspendState, FormData>(suspendUserAction, {});
  return (
    <form
      action={action}
      aria-label={t("form")}
      className="flex flex-wrap items-end gap-2 rounded-lg border border-line bg-surface p-3"
    >
      <input type="hidden" name="userId" value={userId} />
      <label className="flex min-w-0 flex-1 basis-72 flex-col gap-1 text-xs text-ink-muted">
        {t("reason")}
        <input
          name="reason"
          required
          minLength={3}
          maxLength={500}
          className="h-10 rounded-md bg-raised px-2.5 text-[13px] text-ink ring-1 ring-line ring-inset focus:ring-2 focus:ring-brand focus:outline-none"
        />
      </label>
      {/* Red on the raised fill reads at 4.7:1; the lighter hover fill would drop it below 4.5. */}
      <button
        type="submit"
        disabled={pending}
        className={`${buttonClasses("secondary", "md")} min-h-10 text-down! hover:bg-raised!`}
      >
        {t("submit")}
      </button>
      {state.error ? (
        <span role="alert" className="w-full text-xs text-down">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
