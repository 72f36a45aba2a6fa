"use client";

import { type FieldErrors, ZPassword } from "@exchange/api/client";
import { FormAlert, formText, SubmitButton, TextField, useHydrated } from "@exchange/ui";
import { useErrorText } from "@exchange/ui/i18n";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "@/trpc/react";
import { useFieldErrors } from "./field-errors";

/** The new password, twice; the server checks the token and the password policy again. */
export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("auth.reset");
  const errorText = useErrorText();
  const fieldText = useFieldErrors();
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
      return setFieldErrors(fieldText.fromIssues(parsed.error.issues, "password"));
    }
    if (confirm !== password) return setFieldErrors({ confirm: [t("mismatch")] });
    setFieldErrors({});
    reset.mutate(
      { token, password },
      {
        onSuccess: () => router.push("/login?notice=password-reset"),
        onError: (error) => {
          const serverFieldErrors = error.data?.fieldErrors;
          if (serverFieldErrors?.password) setFieldErrors(fieldText.fromServer(serverFieldErrors));
          else setFormError(errorText(error));
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
            {t("sendNewLink")}
          </Link>
        </FormAlert>
      ) : null}
      <TextField
        label={t("password")}
        name="password"
        type="password"
        autoComplete="new-password"
        errors={fieldErrors.password}
        hint={t("passwordHint")}
        required
        autoFocus
      />
      <TextField
        label={t("confirm")}
        name="confirm"
        type="password"
        autoComplete="new-password"
        errors={fieldErrors.confirm}
        required
      />
      <SubmitButton pending={reset.isPending || reset.isSuccess} disabled={!hydrated}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
