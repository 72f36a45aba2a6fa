"use client";

import {
  FormAlert,
  FormNotice,
  formText,
  type ResendAnswer,
  SubmitButton,
  TextField,
} from "@exchange/ui";
import { useTranslations } from "next-intl";
import { type FormEvent, useState, useTransition } from "react";
import { resendVerification } from "@/app/actions/session-actions";

/** "Send me a new verification link", for someone whose link failed. */
export function ResendForm() {
  const t = useTranslations("auth.resend");
  const [answer, setAnswer] = useState<ResendAnswer>();
  const [sending, startSending] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = formText(event.currentTarget, "email").trim();
    if (!email) return setAnswer({ ok: false, message: t("emptyEmail") });
    startSending(async () => setAnswer(await resendVerification(email)));
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      {answer ? (
        answer.ok ? (
          <FormNotice>{answer.message}</FormNotice>
        ) : (
          <FormAlert>{answer.message}</FormAlert>
        )
      ) : null}
      <TextField label={t("email")} name="email" type="email" autoComplete="email" required />
      <SubmitButton pending={sending}>{t("submit")}</SubmitButton>
    </form>
  );
}
