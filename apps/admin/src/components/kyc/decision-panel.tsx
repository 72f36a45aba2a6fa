"use client";

import { buttonClasses, FormAlert, Spinner } from "@exchange/ui";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useTRPC } from "@/trpc/react";

/** Reasons reviewers give most, so a rejection is quick and worded the same way each time. */
const COMMON_REASONS = [
  "The document photo is blurred or cut off. Photograph the whole document in good light.",
  "The name or date of birth does not match the document.",
  "The selfie does not clearly show your face next to the document.",
  "The document has expired. Submit a valid document.",
];

function messageOf(error: unknown): string {
  const data = (error as { data?: { fieldErrors?: Record<string, string[]> } } | null)?.data;
  const field = data?.fieldErrors?.reason?.[0];
  if (field) return field;
  return error instanceof Error ? error.message : "The decision was not saved.";
}

/**
 * Approve, or reject with a reason the applicant will read. The server re-checks the role and
 * that the submission is still pending; this panel only saves the reviewer a round trip.
 */
export function DecisionPanel({ submissionId }: { submissionId: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const approve = useMutation(trpc.kyc.approve.mutationOptions());
  const reject = useMutation(trpc.kyc.reject.mutationOptions());
  const busy = approve.isPending || reject.isPending;

  const done = {
    onSuccess: () => router.refresh(),
    onError: (e: unknown) => setProblem(messageOf(e)),
  };

  function submitRejection(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reason.trim().length < 5) {
      setProblem("Give the applicant a reason they can act on.");
      return;
    }
    setProblem(null);
    reject.mutate({ id: submissionId, reason }, done);
  }

  return (
    <section
      aria-label="Decision"
      className="flex flex-col gap-4 rounded-lg border border-line bg-surface p-4"
    >
      <div className="flex items-center justify-between">
        <h2 className="text-[13px] font-semibold text-ink">Decision</h2>
        <span className="text-[11px] text-ink-faint">Recorded in the audit log</span>
      </div>
      {problem ? <FormAlert>{problem}</FormAlert> : null}
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          setProblem(null);
          approve.mutate({ id: submissionId }, done);
        }}
        className="inline-flex h-10 items-center justify-center gap-2 rounded-md bg-up text-sm font-semibold text-white transition-colors hover:bg-up/90 disabled:opacity-60"
      >
        {approve.isPending ? <Spinner /> : null}
        Approve — raise to level 1
      </button>
      <div className="flex items-center gap-3 text-[11px] text-ink-faint uppercase">
        <span className="h-px flex-1 bg-line" /> or <span className="h-px flex-1 bg-line" />
      </div>
      <form onSubmit={submitRejection} noValidate className="flex flex-col gap-2">
        <label htmlFor="reject-reason" className="text-[13px] font-medium text-ink-muted">
          Reason for rejection <span className="text-ink-faint">(shown to the applicant)</span>
        </label>
        <textarea
          id="reject-reason"
          name="reason"
          rows={4}
          maxLength={500}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          className="w-full resize-y rounded-md bg-canvas px-3 py-2 text-[13px] text-ink ring-1 ring-line-strong ring-inset outline-none placeholder:text-ink-faint focus:ring-2 focus:ring-brand"
          placeholder="What must the applicant correct?"
        />
        <div className="flex flex-wrap gap-1.5">
          {COMMON_REASONS.map((text) => (
            <button
              key={text}
              type="button"
              onClick={() => setReason(text)}
              className="rounded bg-raised px-2 py-1 text-left text-[11px] text-ink-muted ring-1 ring-line ring-inset hover:text-ink"
            >
              {text.split(".")[0]}
            </button>
          ))}
        </div>
        <button type="submit" disabled={busy} className={`${buttonClasses("secondary")} mt-1`}>
          {reject.isPending ? <Spinner /> : null}
          <span className="text-down">Reject with this reason</span>
        </button>
      </form>
    </section>
  );
}
