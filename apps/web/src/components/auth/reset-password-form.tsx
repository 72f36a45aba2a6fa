"use client";

import { type FieldErrors, ZPassword } from "@exchange/api/client";
import { FormAlert, formText, SubmitButton, TextField, useHydrated } from "@exchange/ui";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useTRPC } from "@/trpc/react";

/** The new password, twice; the server checks the token and the password policy again. */
export function ResetPasswordForm({ token }: { token: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions());
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const hydrated = useHydrated();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(undefined);
    const password = formText(event.currentTarget, "password");
    const confirm = formText(event.currentTarget, "confirm");
    const parsed = ZPassword.safeParse(password);
    if (!parsed.success) {
      return setFieldErrors({ password: parsed.error.issues.map((issue) => issue.message) });
    }
    if (confirm !== password) return setFieldErrors({ confirm: ["The passwords do not match."] });
    setFieldErrors({});
    reset.mutate(
      { token, password },
      {
        onSuccess: () => router.push("/login?notice=password-reset"),
        onError: (error) => {
          const serverFieldErrors = error.data?.fieldErrors;
          if (serverFieldErrors?.password) setFieldErrors(serverFieldErrors);
          else setFormError(error.message);
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      {formError ? (
        <FormAlert>
          {formError}{" "}
          <Link href="/forgot-password" className="font-medium underline">
            Send a new link
          </Link>
        </FormAlert>
      ) : null}
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        errors={fieldErrors.password}
        hint="At least 10 characters, with a letter and a digit."
        required
        autoFocus
      />
      <TextField
        label="Confirm new password"
        name="confirm"
        type="password"
        autoComplete="new-password"
        errors={fieldErrors.confirm}
        required
      />
      <SubmitButton pending={reset.isPending || reset.isSuccess} disabled={!hydrated}>
        Save new password
      </SubmitButton>
    </form>
  );
}
