"use client";

import type { LoanProduct } from "@exchange/contracts/lending";
import { buttonClasses } from "@exchange/ui";
import { useErrorText } from "@exchange/ui/i18n";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { LoanProductForm } from "./loan-product-form";

/** "Edit terms": the form of the product's current terms, saved as a new version. */
export function EditLoanTerms({ product }: { product: LoanProduct }) {
  const t = useTranslations("lending.detail");
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className={`${buttonClasses("secondary", "sm")} max-sm:h-10`}
      >
        {t("editTerms")}
      </button>
    );
  }
  return (
    <div className="w-full rounded-lg border border-line bg-surface p-4">
      <p className="mb-3 text-[13px] text-ink-muted">
        {t("editExplain", { next: product.version + 1, current: product.version })}
      </p>
      <LoanProductForm product={product} assets={[]} onDone={() => setOpen(false)} />
    </div>
  );
}

/** Disable (no new loans; open loans run on) or enable again. */
export function LoanProductEnabledButton({ product }: { product: LoanProduct }) {
  const t = useTranslations("lending.detail");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const router = useRouter();
  const setEnabled = useMutation(trpc.lending.products.setEnabled.mutationOptions());
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <span className="flex flex-col items-end gap-1">
      <button
        type="button"
        disabled={setEnabled.isPending}
        className={`${buttonClasses("secondary", "sm")} max-sm:h-10`}
        onClick={() => {
          setProblem(null);
          setEnabled.mutate(
            { id: product.id, enabled: !product.enabled },
            { onSuccess: () => router.refresh(), onError: (e) => setProblem(errorText(e)) },
          );
        }}
      >
        {product.enabled ? t("disable") : t("enable")}
      </button>
      {problem ? (
        <span role="alert" className="text-xs text-down">
          {problem}
        </span>
      ) : null}
    </span>
  );
}
