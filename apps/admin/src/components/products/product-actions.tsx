"use client";

import type { SavingsProduct } from "@exchange/contracts/savings";
import { buttonClasses } from "@exchange/ui";
import { useErrorText } from "@exchange/ui/i18n";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { ProductForm } from "./product-form";

/** "Edit terms": the form of the product's current terms, saved as a new version. */
export function EditTerms({ product }: { product: SavingsProduct }) {
  const t = useTranslations("products.detail");
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
      <ProductForm product={product} assets={[]} onDone={() => setOpen(false)} />
    </div>
  );
}

/** Pause (no new instances; today's offers stay) or resume (this month and the next filled in). */
export function ProductStatusButton({ product }: { product: SavingsProduct }) {
  const t = useTranslations("products.detail");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const router = useRouter();
  const setStatus = useMutation(trpc.savings.products.setStatus.mutationOptions());
  const [problem, setProblem] = useState<string | null>(null);
  const pausing = product.status === "ACTIVE";
  return (
    <span className="flex flex-col items-end gap-1">
      <button
        type="button"
        disabled={setStatus.isPending}
        className={`${buttonClasses("secondary", "sm")} max-sm:h-10`}
        onClick={() => {
          setProblem(null);
          setStatus.mutate(
            { id: product.id, status: pausing ? "PAUSED" : "ACTIVE" },
            {
              onSuccess: () => router.refresh(),
              onError: (e) => setProblem(errorText(e)),
            },
          );
        }}
      >
        {pausing ? t("pause") : t("resume")}
      </button>
      {problem ? (
        <span role="alert" className="text-xs text-down">
          {problem}
        </span>
      ) : null}
    </span>
  );
}

/** Generates a month's instances of every active product now (the daily job does it too). */
export function GenerateMonth({ defaultMonth }: { defaultMonth: string }) {
  const t = useTranslations("products.generate");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const router = useRouter();
  const generate = useMutation(trpc.savings.instances.generate.mutationOptions());
  const [month, setMonth] = useState(defaultMonth);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  return (
    <form
      aria-label={t("label")}
      className="flex flex-wrap items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        setMessage(null);
        generate.mutate(
          { month },
          {
            onSuccess: (result) => {
              setMessage({
                text: t("created", { count: result.created, month: result.month }),
                error: false,
              });
              router.refresh();
            },
            onError: (e) => {
              const field = (e.data as { fieldErrors?: Record<string, string[]> } | undefined)
                ?.fieldErrors?.month?.[0];
              setMessage({ text: field ?? errorText(e), error: true });
            },
          },
        );
      }}
    >
      <label className="flex items-center gap-2 text-xs text-ink-muted">
        {t("month")}
        <input
          name="month"
          value={month}
          onChange={(e) => setMonth(e.target.value)}
          placeholder={t("monthPlaceholder")}
          className="h-8 w-24 rounded-md max-sm:h-10 bg-raised px-2 text-[13px] text-ink ring-1 ring-line ring-inset tabular-nums"
        />
      </label>
      <button
        type="submit"
        disabled={generate.isPending}
        className={`${buttonClasses("secondary", "sm")} max-sm:h-10`}
      >
        {t("submit")}
      </button>
      {message ? (
        <span
          role={message.error ? "alert" : "status"}
          className={`text-xs ${message.error ? "text-down" : "text-ink-muted"}`}
        >
          {message.text}
        </span>
      ) : null}
    </form>
  );
}
