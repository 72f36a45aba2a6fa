"use client";

import { useActionState } from "react";
import { type LogInState, logIn } from "@/app/actions/session-actions";
import { FormAlert } from "./ui/form-alert";
import { SubmitButton } from "./ui/submit-button";
import { TextField } from "./ui/text-field";

export function LoginForm({ next }: { next?: string | undefined }) {
  const [state, action, pending] = useActionState<LogInState, FormData>(logIn, {});
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      {state.error ? <FormAlert>{state.error}</FormAlert> : null}
      <input type="hidden" name="next" value={next ?? ""} />
      <TextField
        // Re-mounted with each answer so it shows the email last submitted.
        key={state.email ?? ""}
        label="Work email"
        name="email"
        type="email"
        autoComplete="username"
        inputMode="email"
        defaultValue={state.email}
        required
        autoFocus
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
      />
      <SubmitButton pending={pending}>Log in</SubmitButton>
    </form>
  );
}
