"use client";

import {
  LOAN_INTEREST_PERIODS,
  LOAN_TERM_DAYS,
  type LoanInterestPeriod,
  type LoanProduct,
} from "@exchange/contracts/lending";
import { buttonClasses, TextField } from "@exchange/ui";
import { type ApiErrorLike, useErrorText } from "@exchange/ui/i18n";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { fieldErrorsOf, SelectField } from "@/components/products/product-form";
import { useTRPC } from "@/trpc/react";

type FieldErrors = Record<string, string[]>;

const OPEN_ENDED = "OPEN";

/**
 * A loan product's terms: every field of a new product, or new terms for an existing one (its
 * pair stays; saving writes a new version that only loans opened from now on use). The API
 * validates; its refusals are shown beside the fields they name.
 */
export function LoanProductForm({
  product,
  assets,
  onDone,
}: {
  /** The product being revised; a new product when absent. */
  product?: LoanProduct;
  /** Asset codes offered as suggestions for a new product. */
  assets: readonly string[];
  onDone?: () => void;
}) {
  const t = useTranslations("lending");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.lending.products.create.mutationOptions());
  const revise = useMutation(trpc.lending.products.revise.mutationOptions());
  const [problem, setProblem] = useState<{ message: string; fields: FieldErrors } | null>(null);
  const pending = create.isPending || revise.isPending;
  const errors = (field: string) => problem?.fields[field];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const whole = (name: string) => (text(name) === "" ? Number.NaN : Number(text(name)));
    const term = text("termDays");
    const terms = {
      name: text("name"),
      initialLtvPercent: text("initialLtvPercent"),
      warningLinePercent: text("warningLinePercent"),
      liquidationLinePercent: text("liquidationLinePercent"),
      effectiveLiquidationLinePercent: text("effectiveLiquidationLinePercent"),
      liquidationFeePercent: text("liquidationFeePercent"),
      interestPeriod: text("interestPeriod") as LoanInterestPeriod,
      ratePercent: text("ratePercent"),
      termDays: (term === OPEN_ENDED ? null : Number(term)) as 7 | 30 | 90 | null,
      minLoan: text("minLoan"),
      maxLoan: text("maxLoan"),
      kycLevel: whole("kycLevel"),
    };
    setProblem(null);
    const onError = (error: unknown) => {
      const fields = fieldErrorsOf(error);
      const message =
        Object.keys(fields).length > 0
          ? t("form.checkFields")
          : error instanceof Error
            ? errorText(error as ApiErrorLike)
            : t("form.failed");
      setProblem({ message, fields });
    };
    if (product) {
      revise.mutate(
        { ...terms, id: product.id },
        {
          onError,
          onSuccess: () => {
            router.refresh();
            onDone?.();
          },
        },
      );
    } else {
      create.mutate(
        { ...terms, collateralAsset: text("collateralAsset"), loanAsset: text("loanAsset") },
        { onError, onSuccess: (created) => router.push(`/products/loans/${created.id}`) },
      );
    }
  }

  const percentField = (name: string, label: string, placeholder: string, hint?: string) => (
    <TextField
      label={label}
      name={name}
      inputMode="decimal"
      placeholder={placeholder}
      defaultValue={product ? (product as unknown as Record<string, string>)[name] : undefined}
      hint={hint}
      errors={errors(name)}
    />
  );

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={product ? t("form.editLabel") : t("form.newLabel")}
      className="flex flex-col gap-4"
    >
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <div className="sm:col-span-2">
          <TextField
            label={t("form.name")}
            name="name"
            defaultValue={product?.name}
            maxLength={80}
            errors={errors("name")}
          />
        </div>
        {product ? (
          <>
            <TextField
              label={t("form.collateralAsset")}
              name="collateralAsset"
              value={product.collateralAsset}
              readOnly
              hint={t("form.assetsKept")}
            />
            <TextField
              label={t("form.loanAsset")}
              name="loanAsset"
              value={product.loanAsset}
              readOnly
            />
          </>
        ) : (
          <>
            <TextField
              label={t("form.collateralAsset")}
              name="collateralAsset"
              list="loan-assets"
              autoCapitalize="characters"
              errors={errors("collateralAsset")}
            />
            <TextField
              label={t("form.loanAsset")}
              name="loanAsset"
              list="loan-assets"
              autoCapitalize="characters"
              errors={errors("loanAsset")}
            />
            <datalist id="loan-assets">
              {assets.map((code) => (
                <option key={code} value={code} />
              ))}
            </datalist>
          </>
        )}
        {percentField("initialLtvPercent", t("form.initialLtv"), "80")}
        {percentField("warningLinePercent", t("form.warningLine"), "85")}
        {percentField("liquidationLinePercent", t("form.liquidationLine"), "83")}
        {percentField(
          "effectiveLiquidationLinePercent",
          t("form.effectiveLine"),
          "82",
          t("form.effectiveHint"),
        )}
        {percentField("liquidationFeePercent", t("form.liquidationFee"), "2")}
        <SelectField
          label={t("form.interestPeriod")}
          name="interestPeriod"
          value={product?.interestPeriod ?? "DAY"}
          options={LOAN_INTEREST_PERIODS.map((p) => ({ value: p, label: t(`period.${p}`) }))}
          errors={errors("interestPeriod")}
        />
        {percentField("ratePercent", t("form.rate"), "0.05")}
        <SelectField
          label={t("form.term")}
          name="termDays"
          value={product ? String(product.termDays ?? OPEN_ENDED) : "30"}
          options={[
            ...LOAN_TERM_DAYS.map((days) => ({
              value: String(days),
              label: t("termDays", { days }),
            })),
            { value: OPEN_ENDED, label: t("openEnded") },
          ]}
          errors={errors("termDays")}
        />
        <TextField
          label={t("form.minLoan")}
          name="minLoan"
          inputMode="decimal"
          placeholder="100"
          defaultValue={product?.minLoan}
          errors={errors("minLoan")}
        />
        <TextField
          label={t("form.maxLoan")}
          name="maxLoan"
          inputMode="decimal"
          placeholder="1000000"
          defaultValue={product?.maxLoan}
          errors={errors("maxLoan")}
        />
        <TextField
          label={t("form.kycLevel")}
          name="kycLevel"
          inputMode="numeric"
          defaultValue={product?.kycLevel ?? 1}
          errors={errors("kycLevel")}
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={buttonClasses("primary", "md")}>
          {product ? t("form.saveVersion", { version: product.version + 1 }) : t("form.create")}
        </button>
        {onDone ? (
          <button type="button" onClick={onDone} className={buttonClasses("ghost", "md")}>
            {t("form.cancel")}
          </button>
        ) : null}
        <span className="text-xs text-ink-faint">
          {product ? t("form.editNote") : t("form.createNote")}
        </span>
      </div>
      {problem ? (
        <p role="alert" className="text-[13px] text-down">
          {problem.message}
        </p>
      ) : null}
    </form>
  );
}
