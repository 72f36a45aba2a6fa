"use client";

import { buttonClasses } from "@exchange/ui";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { type RevokeApiKeyState, revokeUserApiKeyAction } from "@/app/actions/user-actions";

/** Revokes one of the trader's API keys with a reason (audited); the gateways refuse it at once. */
export function RevokeApiKeyForm({
  userId,
  keyId,
  label,
}: {
  userId: number;
  keyId: number;
  label: string;
}) {
  const t = useTranslations("users.apiKeys");
  const [state, action, pending] = useActionState<RevokeApiKeyState, FormData>(
    revokeUserApiKeyAction,
    {},
  );
  return (
    <form action={action} aria-label={t("form", { label })} className="flex flex-col gap-1.5">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="keyId" value={keyId} />
      <label className="flex flex-col gap-1 text-xs text-ink-muted">
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
        <span role="alert" className="text-xs text-down">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
