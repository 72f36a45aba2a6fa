"use client";

import { type FieldErrors, ZRegisterInput } from "@exchange/api/client";
import { FormAlert, formText, SubmitButton, TextField, useHydrated } from "@exchange/ui";
import { useErrorText } from "@exchange/ui/i18n";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "@/trpc/react";
import { useFieldErrors } from "./field-errors";

type Field = "email" | "password";

/**
 * Registration. Checks the form with the API's own schema first (instant feedback, same
 * rules), then lets the server decide (taken emails, rate limits, anything the browser
 * cannot know), then sends the person to "check your email": the account opens once the
 * mailed link is followed. The account keeps the page's language for its mails.
 */
export function RegisterForm() {
  const t = useTranslations("auth.register");
  const errorText = useErrorText();
  const fieldText = useFieldErrors();
  const trpc = useTRPC();
  const router = useRouter();
  const register = useMutation(trpc.auth.register.mutationOptions());
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();

  /** The message described the old value; keep showing it and it misleads. */
  function edited(field: Field) {
    setFieldErrors(({ [field]: _stale, ...rest }) => rest);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(undefined);
    const form = event.currentTarget;
    const parsed = ZRegisterInput.safeParse({
      email: formText(form, "email"),
      password: formText(form, "password"),
    });
    if (!parsed.success) {
      setFieldErrors(fieldText.fromIssues(parsed.error.issues));
      return;
    }
    setFieldErrors({});
    register.mutate(parsed.data, {
      onSuccess: (user) =>
        router.push(`/register/check-email?email=${encodeURIComponent(user.email)}`),
      onError: (error) => {
        const serverFieldErrors = error.data?.fieldErrors;
        if (serverFieldErrors && Object.keys(serverFieldErrors).length > 0) {
          setFieldErrors(fieldText.fromServer(serverFieldErrors));
        } else {
          setFormError(errorText(error));
        }
      },
    });
  }

  // This form needs its script (it calls the API); until the script runs, the button stays
  // disabled so the browser cannot fall back to a plain form submission.
  const hydrated = useHydrated();
  const pending = register.isPending || register.isSuccess;
  return (
    <form onSubmit={submit} method="post" noValidate className="flex flex-col gap-4">
      {formError ? <FormAlert>{formError}</FormAlert> : null}
      <TextField
        label={t("email")}
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        onChange={() => edited("email")}
        errors={fieldErrors.email}
        required
        autoFocus
      />
      <TextField
        label={t("password")}
        name="password"
        type="password"
        autoComplete="new-password"
        onChange={() => edited("password")}
        errors={fieldErrors.password}
        hint={t("passwordHint")}
        required
      />
      <SubmitButton pending={pending} disabled={!hydrated}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
