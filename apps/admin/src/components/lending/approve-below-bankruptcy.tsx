"use client";

import { useErrorText } from "@exchange/ui/i18n";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { ConfirmSubmit } from "@/components/staff/confirm-submit";
import { useTRPC } from "@/trpc/react";

/**
 * Lets a liquidating loan's slices sell below its bankruptcy price: asked once more before it
 * is sent (the shortfall is the insurance account's), audited by the server, refused there for
 * a loan no longer being liquidated.
 */
export function ApproveBelowBankruptcy({ loanId }: { loanId: string }) {
  const t = useTranslations("lending.loan.approval");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const router = useRouter();
  const approve = useMutation(trpc.lending.loans.approveBelowBankruptcy.mutationOptions());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    approve.mutate({ loanId }, { onSuccess: () => router.refresh() });
  };
  return (
    <form onSubmit={submit} aria-label={t("formLabel")} className="flex flex-col gap-2">
      <ConfirmSubmit
        label={t("approve")}
        question={t("question")}
        pending={approve.isPending}
        danger
      />
      {approve.error ? (
        <p role="alert" className="text-xs text-down">
          {errorText(approve.error)}
        </p>
      ) : null}
    </form>
  );
}
