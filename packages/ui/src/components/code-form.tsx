"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { LogInState } from "../lib/credentials";
import { FormAlert } from "./form-alert";
import { SubmitButton } from "./submit-button";
import { TextField } from "./text-field";

/**
 * The log-in's second step: a 6-digit code from the authenticator app, or a recovery code.
 * A plain form post to the app's action, like the password step.
 */
export function CodeForm({
  logInWithCode,
  next,
  restartHref,
}: {
  logInWithCode: (previous: LogInState, form: FormData) => Promise<LogInState>;
  next?: string | undefined;
  /** The password step, for when the log-in in progress has expired. */
  restartHref: string;
}) {
  const t = useTranslations("ui.codeForm");
  const [state, action, pending] = useActionState<LogInState, FormData>(logInWithCode, {});
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      {state.error ? (
        <FormAlert>
          {state.error}
          {state.restart ? (
            <>
              {" "}
              <Link href={restartHref} className="font-medium underline">
                {t("restart")}
              </Link>
            </>
          ) : null}
        </FormAlert>
      ) : null}
      <input type="hidden" name="next" value={next ?? ""} />
      <TextField
        label={t("label")}
        name="code"
        autoComplete="one-time-code"
        inputMode="text"
        placeholder="123456"
        hint={t("hint")}
        className="font-mono tracking-[0.2em]"
        maxLength={20}
        required
        autoFocus
      />
      <SubmitButton pending={pending}>{t("submit")}</SubmitButton>
    </form>
  );
}
