"use client";

import { useMutation } from "@tanstack/react-query";
import { DecisionPanel } from "@/components/review/decision-panel";
import { useTRPC } from "@/trpc/react";

/** Reasons finance gives most, so a rejection is quick and worded the same way each time. */
const COMMON_REASONS = [
  "The destination address is linked to fraud or a sanctions list.",
  "We could not confirm this withdrawal with you. Contact support.",
  "Unusual activity on your account. Contact support before withdrawing.",
];

function ApprovalsProgress({ approvals, required }: { approvals: number; required: number }) {
  return (
    <p className="text-xs text-ink-muted" data-testid="approvals-progress">
      {approvals} of {required} approval{required === 1 ? "" : "s"}
      {required > 1 ? " — each from a different finance member" : ""}
    </p>
  );
}

const ALREADY_APPROVED = (
  <p className="rounded-md bg-raised px-3 py-2 text-xs text-ink-muted ring-1 ring-line ring-inset">
    You approved this withdrawal. The second approval must come from another finance member.
  </p>
);

/**
 * Finance's decision on a withdrawal. The server also checks that a second approval comes from
 * someone else; the notice here only tells the member why their click would be refused.
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
  const approve = useMutation(trpc.withdrawals.approve.mutationOptions());
  const reject = useMutation(trpc.withdrawals.reject.mutationOptions());
  const sendsToChain = approvals + 1 >= requiredApprovals;
  return (
    <DecisionPanel
      copy={{
        approveLabel: sendsToChain ? "Approve — send to the chain" : "Approve (first of two)",
        rejectLabel: "Reject and return the funds",
        reader: "user",
        placeholder: "Why is this withdrawal refused?",
      }}
      commonReasons={COMMON_REASONS}
      reasonRows={3}
      summary={<ApprovalsProgress approvals={approvals} required={requiredApprovals} />}
      notice={approvedByMe ? ALREADY_APPROVED : null}
      approve={{
        pending: approve.isPending,
        run: (_, callbacks) => approve.mutate({ id: withdrawalId }, callbacks),
      }}
      reject={{
        pending: reject.isPending,
        run: (reason, callbacks) => reject.mutate({ id: withdrawalId, reason }, callbacks),
      }}
    />
  );
}
