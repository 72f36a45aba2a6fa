"use client";

import { buttonClasses, FormAlert, Spinner } from "@exchange/ui";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useTRPC } from "@/trpc/react";

/** Reasons finance gives most, so a rejection is quick and worded the same way each time. */
const COMMON_REASONS = [
  "The destination address is linked to fraud or a sanctions list.",
  "We could not confirm this withdrawal with you. Contact support.",
  "Unusual activity on your account. Contact support before withdrawing.",
];

function messageOf(error: unknown): string {
  const data = (error as { data?: { fieldErrors?: Record<string, string[]> } } | null)?.data;
  const field = data?.fieldErrors?.reason?.[0];
  if (field) return field;
  return error instanceof Error ? error.message : "The decision was not saved.";
}

/**
 * Approve, or reject with a reason the user will read. The server re-checks the role, that the
 * withdrawal still waits, and that a second approval comes from someone else; this panel only
 * saves a round trip.
 */
export function WithdrawalDecisionPanel({
  withdrawalId,
  approvals,
  requiredApprovals,
  approvedByMe,
}: {
  withdrawalId: string;
  approvals: number;
  requiredApprovals: number;
  approvedByMe: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const approve = useMutation(trpc.withdrawals.approve.mutationOptions());
  const reject = useMutation(trpc.withdrawals.reject.mutationOptions());
  const busy = approve.isPending || reject.isPending;
  const done = {
    onSuccess: () => router.refresh(),
    onError: (e: unknown) => setProblem(messageOf(e)),
  };
  const last = approvals + 1 >= requiredApprovals;

  function submitRejection(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reason.trim().length < 5) {
      setProblem("Give the user a reason they can act on.");
      return;
    }
    setProblem(null);
    reject.mutate({ id: withdrawalId, reason }, done);
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
      <p className="text-xs text-ink-muted" data-testid="approvals-progress">
        {approvals} of {requiredApprovals} approval{requiredApprovals === 1 ? "" : "s"}
        {requiredApprovals > 1 ? " — each from a different finance member" : ""}
      </p>
      {problem ? <FormAlert>{problem}</FormAlert> : null}
      {approvedByMe ? (
        <p className="rounded-md bg-raised px-3 py-2 text-xs text-ink-muted ring-1 ring-line ring-inset">
          You approved this withdrawal. The second approval must come from another finance member.
        </p>
      ) : null}
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          setProblem(null);
          approve.mutate({ id: withdrawalId }, done);
        }}
        className="inline-flex h-10 items-center justify-center gap-2 rounded-md bg-up text-sm font-semibold text-white transition-colors hover:bg-up/90 disabled:opacity-60"
      >
        {approve.isPending ? <Spinner /> : null}
        {last ? "Approve — send to the chain" : "Approve (first of two)"}
      </button>
      <div className="flex items-center gap-3 text-[11px] text-ink-faint uppercase">
        <span className="h-px flex-1 bg-line" /> or <span className="h-px flex-1 bg-line" />
      </div>
      <form onSubmit={submitRejection} noValidate className="flex flex-col gap-2">
        <label htmlFor="reject-reason" className="text-[13px] font-medium text-ink-muted">
          Reason for rejection <span className="text-ink-faint">(shown to the user)</span>
        </label>
        <textarea
          id="reject-reason"
          name="reason"
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          className="w-full resize-y rounded-md bg-canvas px-3 py-2 text-[13px] text-ink ring-1 ring-line-strong ring-inset outline-none placeholder:text-ink-faint focus:ring-2 focus:ring-brand"
          placeholder="Why is this withdrawal refused?"
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
          <span className="text-down">Reject and return the funds</span>
        </button>
      </form>
    </section>
  );
}
