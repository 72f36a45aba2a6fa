"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useState, useTransition } from "react";
import type { LogInState } from "../lib/credentials";
import { buttonClasses } from "./button-styles";
import { FormAlert } from "./form-alert";
import { FormNotice } from "./form-notice";
import { SubmitButton } from "./submit-button";
import { TextField } from "./text-field";

/** What a "resend the verification mail" action answers, in words for the person. */
export interface ResendAnswer {
  ok: boolean;
  message: string;
}

/**
 * Email and password, sent to the app's own log-in server action (each app signs in against
 * its own Auth.js instance). Works before the script loads: it is a plain form post. When the
 * password was right but the email is unverified, offers to resend the link (if the app can).
 */
export function LoginForm({
  logIn,
  emailLabel,
  next,
  forgotPasswordHref,
  resendVerification,
  enrolmentToken,
}: {
  logIn: (previous: LogInState, form: FormData) => Promise<LogInState>;
  emailLabel?: string;
  /** Where to go after logging in; the action decides whether it is safe to follow. */
  next?: string | undefined;
  /** The "forgot password?" page, if the app has one. */
  forgotPasswordHref?: string;
  resendVerification?: (email: string) => Promise<ResendAnswer>;
  /** Staff: the administrator's one-time set-up link's token, sent with the password step. */
  enrolmentToken?: string | undefined;
}) {
  const t = useTranslations("ui.loginForm");
  const [state, action, pending] = useActionState<LogInState, FormData>(logIn, {});
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      {state.error ? <FormAlert>{state.error}</FormAlert> : null}
      {state.unverified && state.email && resendVerification ? (
        <ResendVerification key={state.email} email={state.email} resend={resendVerification} />
      ) : null}
      <input type="hidden" name="next" value={next ?? ""} />
      {enrolmentToken ? <input type="hidden" name="enrol" value={enrolmentToken} /> : null}
      <TextField
        // Re-mounted with each answer so it shows the email last submitted.
        key={state.email ?? ""}
        label={emailLabel ?? t("email")}
        name="email"
        type="email"
        autoComplete="username"
        inputMode="email"
        defaultValue={state.email}
        required
        autoFocus
      />
      <div className="flex flex-col gap-1.5">
        <TextField
          label={t("password")}
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        {forgotPasswordHref ? (
          <Link
            href={forgotPasswordHref}
            className="-my-3 self-end py-3 text-xs font-medium text-brand hover:text-brand-hover"
          >
            {t("forgotPassword")}
          </Link>
        ) : null}
      </div>
      <SubmitButton pending={pending}>{t("submit")}</SubmitButton>
    </form>
  );
}

function ResendVerification({
  email,
  resend,
}: {
  email: string;
  resend: (email: string) => Promise<ResendAnswer>;
}) {
  const t = useTranslations("ui.loginForm");
  const [answer, setAnswer] = useState<ResendAnswer>();
  const [sending, startSending] = useTransition();
  return (
    <div className="flex flex-col gap-2" data-testid="resend-verification">
      {answer ? (
        answer.ok ? (
          <FormNotice>{answer.message}</FormNotice>
        ) : (
          <FormAlert>{answer.message}</FormAlert>
        )
      ) : null}
      <button
        type="button"
        disabled={sending}
        onClick={() => startSending(async () => setAnswer(await resend(email)))}
        className={`${buttonClasses("secondary", "md")} w-full`}
      >
        {sending ? t("sending") : t("resend")}
      </button>
    </div>
  );
}
