"use client";

import { buttonClasses } from "@exchange/ui";
import { useActionState } from "react";
import { type SuspendState, suspendUserAction } from "@/app/actions/user-actions";

/** Suspends the trader with a reason; their sessions and open sockets end at once. */
export function SuspendUserForm({ userId }: { userId: number }) {
  const [state, action, pending] = useActionState<SuspendState, FormData>(suspendUserAction, {});
  return (
    <form
      action={action}
      aria-label="Suspend account"
      className="flex flex-wrap items-end gap-2 rounded-lg border border-line bg-surface p-3"
    >
      <input type="hidden" name="userId" value={userId} />
      <label className="flex min-w-72 flex-1 flex-col gap-1 text-xs text-ink-muted">
        Reason for suspending
        <input
          name="reason"
          required
          minLength={3}
          maxLength={500}
          className="h-9 rounded-md bg-raised px-2.5 text-[13px] text-ink ring-1 ring-line ring-inset"
        />
      </label>
      <button
        type="submit"
        disabled={pending}
        className={`${buttonClasses("secondary", "md")} text-down!`}
      >
        Suspend account
      </button>
      {state.error ? (
        <span role="alert" className="w-full text-xs text-down">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
