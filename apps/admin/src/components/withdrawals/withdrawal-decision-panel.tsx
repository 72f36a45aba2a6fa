"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { DecisionPanel } from "@/components/review/decision-panel";
import { useTRPC } from "@/trpc/react";

/** Reasons finance gives most, so a rejection is quick and worded the same way each time. */
const COMMON_REASONS = ["fraud", "unconfirmed", "unusual"] as const;

function ApprovalsProgress({ approvals, required }: { approvals: number; required: number }) {
  const t = useTranslations("withdrawals.decide");
  return (
    <p className="text-xs text-ink-muted" data-testid="approvals-progress">
      {t(required > 1 ? "progressDual" : "progress", { approvals, required })}
    </p>
  );
}

function AlreadyApproved() {
  const t = useTranslations("withdrawals.decide");
  return (
    <p className="rounded-md bg-raised px-3 py-2 text-xs text-ink-muted ring-1 ring-line ring-inset">
      {t("alreadyApproved")}
    </p>
  );
}

/** Compliance froze the owner's withdrawals: approval is refused until they lift it. */
function OwnerFrozen() {
  const t = useTranslations("withdrawals.decide");
  return (
    <p
      role="status"
      data-testid="owner-withdrawals-frozen"
      className="rounded-md bg-down/10 px-3 py-2 text-xs text-down ring-1 ring-down/30 ring-inset"
    >
      {t("ownerFrozen")}
    </p>
  );
}

/**
 * Finance's decision on a withdrawal. The server also checks that a second approval comes from
 * someone else; the notice here only tells the member why their click would be refused.
 */
export function WithdrawalDecisionPanel({
  withdrawalId,
  approvals,
  requiredApprovals,
  approvedByMe,
  ownerWithdrawalsFrozen,
}: {
  withdrawalId: string;
  approvals: number;
  requiredApprovals: number;
  approvedByMe: boolean;
  ownerWithdrawalsFrozen: boolean;
}) {
  const t = useTranslations("withdrawals.decide");
  const trpc = useTRPC();
  const approve = useMutation(trpc.withdrawals.approve.mutationOptions());
  const reject = useMutation(trpc.withdrawals.reject.mutationOptions());
  const sendsToChain = approvals + 1 >= requiredApprovals;
  return (
    <DecisionPanel
      copy={{
        approveLabel: sendsToChain ? t("approveSend") : t("approveFirst"),
        rejectLabel: t("reject"),
        reader: t("reader"),
        placeholder: t("placeholder"),
      }}
      commonReasons={COMMON_REASONS.map((reason) => t(`reasons.${reason}`))}
      reasonRows={3}
      summary={<ApprovalsProgress approvals={approvals} required={requiredApprovals} />}
      notice={ownerWithdrawalsFrozen ? <OwnerFrozen /> : approvedByMe ? <AlreadyApproved /> : null}
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
