"use client";

import { useMutation } from "@tanstack/react-query";
import { DecisionPanel as ReviewDecisionPanel } from "@/components/review/decision-panel";
import { useTRPC } from "@/trpc/react";

/** Reasons reviewers give most, so a rejection is quick and worded the same way each time. */
const COMMON_REASONS = [
  "The document photo is blurred or cut off. Photograph the whole document in good light.",
  "The name or date of birth does not match the document.",
  "The selfie does not clearly show your face next to the document.",
  "The document has expired. Submit a valid document.",
];

const COPY = {
  approveLabel: "Approve — raise to level 1",
  rejectLabel: "Reject with this reason",
  reader: "applicant",
  placeholder: "What must the applicant correct?",
};

/** The KYC reviewer's decision: approving raises the applicant to level 1. */
export function DecisionPanel({ submissionId }: { submissionId: number }) {
  const trpc = useTRPC();
  const approve = useMutation(trpc.kyc.approve.mutationOptions());
  const reject = useMutation(trpc.kyc.reject.mutationOptions());
  return (
    <ReviewDecisionPanel
      copy={COPY}
      commonReasons={COMMON_REASONS}
      reasonRows={4}
      approve={{
        pending: approve.isPending,
        run: (_, callbacks) => approve.mutate({ id: submissionId }, callbacks),
      }}
      reject={{
        pending: reject.isPending,
        run: (reason, callbacks) => reject.mutate({ id: submissionId, reason }, callbacks),
      }}
    />
  );
}
