"use client";

import { buttonClasses } from "@exchange/ui";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

/**
 * A submit that asks first: the first press turns into the question with "Confirm" (the real
 * submit) and "Cancel", so a stray click never deactivates anyone or approves a reset.
 */
export function ConfirmSubmit({
  label,
  question,
  pending,
  danger = false,
  name,
  value,
}: {
  label: string;
  question: string;
  pending: boolean;
  danger?: boolean;
  /** Sent with the confirming press (a decision: approve or reject). */
  name?: string;
  value?: string;
}) {
  const t = useTranslations("staff.confirm");
  const [asking, setAsking] = useState(false);
  // Once the confirmed action has answered, ask afresh: the next press must confirm again.
  const wasPending = useRef(false);
  useEffect(() => {
    if (wasPending.current && !pending) setAsking(false);
    wasPending.current = pending;
  }, [pending]);
  const tone = danger ? "text-down! hover:bg-raised!" : "";
  if (!asking) {
    return (
      <button
        type="button"
        className={`${buttonClasses("secondary", "sm")} min-h-10 sm:min-h-8 ${tone}`}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <fieldset className="flex flex-wrap items-center gap-2">
      {/* Fieldset legends resist flex layout: the name for assistive tech, the text for eyes. */}
      <legend className="sr-only">{question}</legend>
      <span aria-hidden="true" className="text-xs text-ink">
        {question}
      </span>
      <button
        type="submit"
        name={name}
        value={value}
        disabled={pending}
        aria-busy={pending}
        className={`${buttonClasses(danger ? "secondary" : "primary", "sm")} min-h-10 sm:min-h-8 ${tone}`}
      >
        {t("yes", { action: label })}
      </button>
      <button
        type="button"
        className={`${buttonClasses("ghost", "sm")} min-h-10 sm:min-h-8`}
        onClick={() => setAsking(false)}
      >
        {t("cancel")}
      </button>
    </fieldset>
  );
}
