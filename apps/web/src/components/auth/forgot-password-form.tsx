"use client";

import { type FieldErrors, ZEmailOnlyInput } from "@exchange/api/client";
import {
  FormAlert,
  FormNotice,
  formText,
  SubmitButton,
  TextField,
  useHydrated,
} from "@exchange/ui";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { z } from "zod";
import { useTRPC } from "@/trpc/react";

/**
 * Asks for a reset link. The answer is the same whether or not the email has an account, so
 * the form cannot be used to find out who is registered.
 */
export function ForgotPasswordForm() {
  const trpc = useTRPC();
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());
  const [sentTo, setSentTo] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const hydrated = useHydrated();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(undefined);
    const parsed = ZEmailOnlyInput.safeParse({ email: formText(event.currentTarget, "email") });
    if (!parsed.success) return setFieldErrors(z.flattenError(parsed.error).fieldErrors);
    setFieldErrors({});
    request.mutate(parsed.data, {
      onSuccess: () => setSentTo(parsed.data.email),
      onError: (error) => setFormError(error.message),
    });
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      {sentTo ? (
        <FormNotice>
          If an account exists for {sentTo}, a reset link is on its way. It expires in 30 minutes.
        </FormNotice>
      ) : null}
      {formError ? <FormAlert>{formError}</FormAlert> : null}
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        errors={fieldErrors.email}
        required
        autoFocus
      />
      <SubmitButton pending={request.isPending} disabled={!hydrated}>
        Send reset link
      </SubmitButton>
    </form>
  );
}
