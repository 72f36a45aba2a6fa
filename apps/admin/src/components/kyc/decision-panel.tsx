"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { DecisionPanel as ReviewDecisionPanel } from "@/components/review/decision-panel";
import { useTRPC } from "@/trpc/react";

/** Reasons reviewers give most, so a rejection is quick and worded the same way each time. */
const COMMON_REASONS = ["blurred", "mismatch", "selfie", "expired"] as const;

/** The KYC reviewer's decision: approving raises the applicant to level 1. */
export function DecisionPanel({ submissionId }: { submissionId: number }) {
  const t = useTranslations("kyc.decision");
  const trpc = useTRPC();
  const approve = useMutation(trpc.kyc.approve.mutationOptions());
  const reject = useMutation(trpc.kyc.reject.mutationOptions());
  return (
    <ReviewDecisionPanel
      copy={{
        approveLabel: t("approve"),
        rejectLabel: t("reject"),
        reader: t("reader"),
        placeholder: t("placeholder"),
      }}
      commonReasons={COMMON_REASONS.map((reason) => t(`reasons.${reason}`))}
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
