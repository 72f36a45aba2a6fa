"use client";

import { FormAlert, SubmitButton, TextField } from "@exchange/ui";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { acceptInviteAction, type InviteState } from "@/app/actions/session-actions";

/** The invitee's password, twice; then the enrolment page takes over. */
export function InviteForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("auth.invite");
  const [state, action, pending] = useActionState<InviteState, FormData>(acceptInviteAction, {});
  return (
    <form action={action} className="flex flex-col gap-4">
      {state.error ? <FormAlert>{state.error}</FormAlert> : null}
      <input type="hidden" name="token" value={token} />
      {/* The address, for password managers to file the new password under. */}
      <TextField
        label={t("email")}
        name="email"
        type="email"
        autoComplete="username"
        value={email}
        readOnly
      />
      <TextField
        label={t("password")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        maxLength={128}
        hint={t("passwordRules")}
      />
      <TextField
        label={t("confirm")}
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        maxLength={128}
      />
      <SubmitButton pending={pending}>{t("submit")}</SubmitButton>
    </form>
  );
}
