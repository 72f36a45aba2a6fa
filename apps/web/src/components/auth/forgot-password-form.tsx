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
import { useErrorText } from "@exchange/ui/i18n";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "@/trpc/react";
import { useFieldErrors } from "./field-errors";

/**
 * Asks for a reset link. The answer is the same whether or not the email has an account, so
 * the form cannot be used to find out who is registered.
 */
export function ForgotPasswordForm() {
  const t = useTranslations("auth.forgot");
  const errorText = useErrorText();
  const fieldText = useFieldErrors();
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
    if (!parsed.success) return setFieldErrors(fieldText.fromIssues(parsed.error.issues));
    setFieldErrors({});
    request.mutate(parsed.data, {
      onSuccess: () => setSentTo(parsed.data.email),
      onError: (error) => setFormError(errorText(error)),
    });
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      {sentTo ? <FormNotice>{t("sent", { email: sentTo })}</FormNotice> : null}
      {formError ? <FormAlert>{formError}</FormAlert> : null}
      <TextField
        label={t("email")}
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        errors={fieldErrors.email}
        required
        autoFocus
      />
      <SubmitButton pending={request.isPending} disabled={!hydrated}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
