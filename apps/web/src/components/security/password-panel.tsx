"use client";

import { buttonClasses, FormNotice, Spinner, TextField } from "@exchange/ui";
import { useErrorText } from "@exchange/ui/i18n";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "@/trpc/react";
import { passwordProblem } from "./password-rules";
import { SecurityCard } from "./security-card";

type Field = "currentPassword" | "newPassword" | "confirm" | "code" | "form";
type Errors = Partial<Record<Field, string>>;

/**
 * Changing the password while logged in: the current one, the new one twice, and a code when
 * two-factor is on. On success every other session of the account has ended; this one stays.
 */
export function PasswordPanel() {
  const t = useTranslations("account.security.password");
  const tf = useTranslations("account.security.twoFactor");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const twoFactor = useQuery(trpc.security.twoFactorStatus.queryOptions());
  const change = useMutation(trpc.security.changePassword.mutationOptions());
  const errorText = useErrorText();
  const [values, setValues] = useState({
    currentPassword: "",
    newPassword: "",
    confirm: "",
    code: "",
  });
  const [errors, setErrors] = useState<Errors>({});
  const [ended, setEnded] = useState<number>();
  const needsCode = twoFactor.data?.enabled === true;

  function check(): Errors {
    if (!values.currentPassword) return { currentPassword: t("enterCurrent") };
    const problem = passwordProblem(values.newPassword);
    if (problem) return { newPassword: t(problem) };
    if (values.newPassword === values.currentPassword) return { newPassword: t("sameAsCurrent") };
    if (values.confirm !== values.newPassword) return { confirm: t("mismatch") };
    if (needsCode && values.code.trim().length < 6) return { code: tf("enterCode") };
    return {};
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = check();
    setErrors(problems);
    setEnded(undefined);
    if (Object.keys(problems).length > 0) return;
    change.mutate(
      {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
        ...(needsCode ? { code: values.code.trim() } : {}),
      },
      {
        onSuccess: ({ otherSessionsEnded }) => {
          setEnded(otherSessionsEnded);
          setValues({ currentPassword: "", newPassword: "", confirm: "", code: "" });
          void queryClient.invalidateQueries(trpc.security.sessions.queryFilter());
        },
        onError: (failure) => {
          const code = failure.data?.appCode;
          const text = errorText(failure);
          if (code === "WRONG_PASSWORD") setErrors({ currentPassword: text });
          else if (code === "INVALID_TWO_FACTOR_CODE") setErrors({ code: text });
          else if (failure.data?.fieldErrors?.newPassword)
            setErrors({ newPassword: t("sameAsCurrent") });
          else setErrors({ form: text });
        },
      },
    );
  }

  const field = (name: Exclude<Field, "form">) => ({
    name,
    value: values[name],
    onChange: (event: { target: { value: string } }) =>
      setValues((v) => ({ ...v, [name]: event.target.value })),
    errors: errors[name] ? [errors[name]] : undefined,
  });

  return (
    <SecurityCard title={t("title")} testId="password-panel">
      <p className="text-[13px] leading-5 text-ink-muted">{t("hint")}</p>
      {ended !== undefined ? <FormNotice>{t("changed", { count: ended })}</FormNotice> : null}
      <form onSubmit={submit} noValidate className="flex flex-col gap-4" aria-label={t("submit")}>
        <TextField
          label={t("current")}
          type="password"
          autoComplete="current-password"
          className="sm:max-w-80"
          required
          {...field("currentPassword")}
        />
        <TextField
          label={t("new")}
          type="password"
          autoComplete="new-password"
          className="sm:max-w-80"
          hint={t("newHint")}
          required
          {...field("newPassword")}
        />
        <TextField
          label={t("confirm")}
          type="password"
          autoComplete="new-password"
          className="sm:max-w-80"
          required
          {...field("confirm")}
        />
        {needsCode ? (
          <TextField
            label={t("code")}
            autoComplete="one-time-code"
            className="font-mono sm:max-w-80"
            required
            {...field("code")}
          />
        ) : null}
        {errors.form ? (
          <p role="alert" className="text-[13px] text-down">
            {errors.form}
          </p>
        ) : null}
        <button
          type="submit"
          disabled={change.isPending}
          className={`${buttonClasses("primary", "md")} self-start`}
        >
          {change.isPending ? <Spinner /> : null}
          {t("submit")}
        </button>
      </form>
    </SecurityCard>
  );
}
