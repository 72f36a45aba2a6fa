"use client";

import { FormAlert, FormNotice, type ResendAnswer, SubmitButton, TextField } from "@exchange/ui";
import { type FormEvent, useState, useTransition } from "react";
import { resendVerification } from "@/app/actions/session-actions";

/** "Send me a new verification link", for someone whose link failed. */
export function ResendForm() {
  const [email, setEmail] = useState("");
  const [answer, setAnswer] = useState<ResendAnswer>();
  const [sending, startSending] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!email.trim()) return setAnswer({ ok: false, message: "Enter your email address." });
    startSending(async () => setAnswer(await resendVerification(email.trim())));
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
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        required
      />
      <SubmitButton pending={sending}>Send a new link</SubmitButton>
    </form>
  );
}
