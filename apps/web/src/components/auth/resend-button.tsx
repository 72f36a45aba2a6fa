"use client";

import { buttonClasses, FormAlert, FormNotice, type ResendAnswer } from "@exchange/ui";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { resendVerification } from "@/app/actions/session-actions";

/** "Resend the email" on the check-your-email and expired-link pages. */
export function ResendButton({ email }: { email: string }) {
  const t = useTranslations("auth.checkEmail");
  const [answer, setAnswer] = useState<ResendAnswer>();
  const [sending, startSending] = useTransition();
  return (
    <div className="flex flex-col gap-3">
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
        onClick={() => startSending(async () => setAnswer(await resendVerification(email)))}
        className={`${buttonClasses("secondary", "md")} w-full`}
      >
        {sending ? t("sending") : t("resend")}
      </button>
    </div>
  );
}
