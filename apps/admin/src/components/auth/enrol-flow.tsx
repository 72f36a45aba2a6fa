"use client";

import {
  buttonClasses,
  FormAlert,
  RecoveryCodes,
  SubmitButton,
  TextField,
  TwoFactorSetup,
} from "@exchange/ui";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { confirmEnrolmentAction, type EnrolState } from "@/app/actions/session-actions";

/**
 * Enrolment at log-in: QR and key, then a code; on success the session exists and the
 * recovery codes are shown once. The action sets cookies, so Next re-renders the page around
 * this component; its state (the codes) survives because it stays in the same place.
 */
export function EnrolFlow({
  enrolment,
  continueTo,
  signedIn,
}: {
  /** The secret to enrol, while a log-in is in progress. */
  enrolment: { secret: string; qrCodeDataUrl: string } | null;
  continueTo: string;
  signedIn: boolean;
}) {
  const t = useTranslations("auth.enrol");
  const [state, action, pending] = useActionState<EnrolState, FormData>(confirmEnrolmentAction, {});
  if (!state.recoveryCodes && !enrolment && !signedIn) {
    return (
      <div className="flex flex-col gap-4">
        <FormAlert>{t("expired")}</FormAlert>
        <Link href="/login" className={`${buttonClasses("primary", "md")} w-full`}>
          {t("logInAgain")}
        </Link>
      </div>
    );
  }
  if (state.recoveryCodes || !enrolment) {
    return (
      <div className="flex flex-col gap-4">
        {state.recoveryCodes ? <RecoveryCodes codes={state.recoveryCodes} /> : null}
        <Link href={continueTo} className={`${buttonClasses("primary", "md")} w-full`}>
          {t("continue")}
        </Link>
      </div>
    );
  }
  return (
    <TwoFactorSetup qrCodeDataUrl={enrolment.qrCodeDataUrl} secret={enrolment.secret}>
      <form action={action} noValidate className="flex flex-col gap-4">
        {state.error ? (
          <FormAlert>
            {state.error}
            {state.restart ? (
              <>
                {" "}
                <Link href="/login" className="font-medium underline">
                  {t("logInAgain")}
                </Link>
              </>
            ) : null}
          </FormAlert>
        ) : null}
        <TextField
          label={t("codeLabel")}
          name="code"
          autoComplete="one-time-code"
          inputMode="numeric"
          placeholder="123456"
          maxLength={6}
          className="font-mono tracking-[0.3em]"
          required
          autoFocus
        />
        <SubmitButton pending={pending}>{t("submit")}</SubmitButton>
      </form>
    </TwoFactorSetup>
  );
}
