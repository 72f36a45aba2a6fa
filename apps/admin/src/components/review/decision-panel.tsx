"use client";

import { buttonClasses, FormAlert, Spinner } from "@exchange/ui";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, type ReactNode, useState } from "react";

/** How the panel learns whether a save worked; matches the callbacks react-query's mutate takes. */
export type DecisionCallbacks = { onSuccess: () => void; onError: (error: unknown) => void };

/** One of the two decisions: whether it is saving, and how to save it. */
export type DecisionAction<Input> = {
  pending: boolean;
  run: (input: Input, callbacks: DecisionCallbacks) => void;
};

/** The words that differ between queues; the layout and the checks stay the same. */
export type DecisionCopy = {
  approveLabel: string;
  rejectLabel: string;
  /** Who reads the rejection reason: "applicant", "user". */
  reader: string;
  placeholder: string;
};

function messageOf(error: unknown, notSaved: string): string {
  const data = (error as { data?: { fieldErrors?: Record<string, string[]> } } | null)?.data;
  const field = data?.fieldErrors?.reason?.[0];
  if (field) return field;
  return error instanceof Error ? error.message : notSaved;
}

/** A common reason's chip: its first sentence, in either language's full stop. */
const firstSentence = (text: string) => text.split(/[.。]/)[0] ?? text;

/**
 * Approve, or reject with a reason the requester will read. The server re-checks every rule;
 * this panel only saves the reviewer a round trip. `summary` sits above any error and `notice`
 * below it, so a queue can add its own lines without reordering the panel.
 */
export function DecisionPanel({
  copy,
  commonReasons,
  reasonRows,
  approve,
  reject,
  summary,
  notice,
}: {
  copy: DecisionCopy;
  commonReasons: readonly string[];
  reasonRows: number;
  approve: DecisionAction<void>;
  reject: DecisionAction<string>;
  summary?: ReactNode;
  notice?: ReactNode;
}) {
  const t = useTranslations("common.decision");
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const busy = approve.pending || reject.pending;
  const done: DecisionCallbacks = {
    onSuccess: () => router.refresh(),
    onError: (e) => setProblem(messageOf(e, t("notSaved"))),
  };

  function submitRejection(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reason.trim().length < 5) {
      setProblem(t("reasonTooShort", { reader: copy.reader }));
      return;
    }
    setProblem(null);
    reject.run(reason, done);
  }

  return (
    <section
      aria-label={t("title")}
      className="flex flex-col gap-4 rounded-lg border border-line bg-surface p-4"
    >
      <div className="flex items-center justify-between">
        <h2 className="text-[13px] font-semibold text-ink">{t("title")}</h2>
        <span className="text-[11px] text-ink-faint">{t("audited")}</span>
      </div>
      {summary}
      {problem ? <FormAlert>{problem}</FormAlert> : null}
      {notice}
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          setProblem(null);
          approve.run(undefined, done);
        }}
        className="inline-flex h-10 items-center justify-center gap-2 rounded-md bg-up-fill text-sm font-semibold text-white transition-colors hover:bg-up-fill/90 disabled:opacity-60"
      >
        {approve.pending ? <Spinner /> : null}
        {copy.approveLabel}
      </button>
      <div className="flex items-center gap-3 text-[11px] text-ink-faint uppercase">
        <span className="h-px flex-1 bg-line" /> {t("or")} <span className="h-px flex-1 bg-line" />
      </div>
      <form onSubmit={submitRejection} noValidate className="flex flex-col gap-2">
        <label htmlFor="reject-reason" className="text-[13px] font-medium text-ink-muted">
          {t("reasonLabel")}{" "}
          <span className="text-ink-faint">{t("reasonReader", { reader: copy.reader })}</span>
        </label>
        <textarea
          id="reject-reason"
          name="reason"
          rows={reasonRows}
          maxLength={500}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          className="w-full resize-y rounded-md bg-canvas px-3 py-2 text-[13px] text-ink ring-1 ring-line-strong ring-inset outline-none placeholder:text-ink-faint focus:ring-2 focus:ring-brand"
          placeholder={copy.placeholder}
        />
        <div className="flex flex-wrap gap-1.5">
          {commonReasons.map((text) => (
            <button
              key={text}
              type="button"
              onClick={() => setReason(text)}
              className="min-h-10 rounded bg-raised px-2 py-1 text-left text-[11px] text-ink-muted ring-1 ring-line ring-inset hover:text-ink sm:min-h-0"
            >
              {firstSentence(text)}
            </button>
          ))}
        </div>
        <button
          type="submit"
          disabled={busy}
          className={`${buttonClasses("secondary")} mt-1 min-h-10`}
        >
          {reject.pending ? <Spinner /> : null}
          <span className="text-down">{copy.rejectLabel}</span>
        </button>
      </form>
    </section>
  );
}
