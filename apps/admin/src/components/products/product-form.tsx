"use client";

import {
  SAVINGS_EARLY_REDEMPTIONS,
  SAVINGS_PAYOUT_PERIODS,
  type SavingsEarlyRedemption,
  type SavingsPayoutPeriod,
  type SavingsProduct,
} from "@exchange/contracts/savings";
import { buttonClasses, TextField } from "@exchange/ui";
import { type ApiErrorLike, useErrorText } from "@exchange/ui/i18n";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "@/trpc/react";

type FieldErrors = Record<string, string[]>;

/** The field errors of an API refusal, and whether it named any field. */
export function fieldErrorsOf(error: unknown): FieldErrors {
  const data = (error as { data?: { fieldErrors?: FieldErrors } } | null)?.data;
  return data?.fieldErrors ?? {};
}

export function SelectField({
  label,
  name,
  value,
  options,
  errors,
  onChange,
}: {
  label: string;
  name: string;
  value: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  errors?: readonly string[] | undefined;
  onChange?: (value: string) => void;
}) {
  const invalid = Boolean(errors?.length);
  return (
    <label className="flex flex-col gap-1.5 text-[13px] font-medium text-ink-muted">
      {label}
      <select
        name={name}
        defaultValue={value}
        aria-invalid={invalid || undefined}
        onChange={(e) => onChange?.(e.target.value)}
        className={`h-10 rounded-md bg-canvas px-2.5 text-sm font-normal text-ink ring-1 ring-inset ${
          invalid ? "ring-down" : "ring-line-strong"
        }`}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {invalid ? (
        <span role="alert" className="text-[13px] font-normal text-down">
          {errors?.[0]}
        </span>
      ) : null}
    </label>
  );
}

/**
 * A product's terms: every field of a new product, or new terms for an existing one (the asset
 * stays; saving writes a new version that only instances generated from now on use). The API
 * validates; its refusals are shown beside the fields they name.
 */
export function ProductForm({
  product,
  assets,
  onDone,
}: {
  /** The product being revised; a new product when absent. */
  product?: SavingsProduct;
  /** Asset codes offered as suggestions for a new product. */
  assets: readonly string[];
  onDone?: () => void;
}) {
  const t = useTranslations("products.form");
  const tp = useTranslations("products.period");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.savings.products.create.mutationOptions());
  const revise = useMutation(trpc.savings.products.revise.mutationOptions());
  const [problem, setProblem] = useState<{ message: string; fields: FieldErrors } | null>(null);
  const [rule, setRule] = useState<SavingsEarlyRedemption>(
    product?.earlyRedemption ?? "NOT_ALLOWED",
  );
  const pending = create.isPending || revise.isPending;
  const errors = (field: string) => problem?.fields[field];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const whole = (name: string) => (text(name) === "" ? Number.NaN : Number(text(name)));
    const terms = {
      name: text("name"),
      annualRatePercent: text("annualRatePercent"),
      termDays: whole("termDays"),
      payoutPeriod: text("payoutPeriod") as SavingsPayoutPeriod,
      dailyQuota: text("dailyQuota"),
      minAmount: text("minAmount"),
      maxAmount: text("maxAmount"),
      kycLevel: whole("kycLevel"),
      earlyRedemption: text("earlyRedemption") as SavingsEarlyRedemption,
      penaltyRatePercent: rule === "PENALTY" ? text("penaltyRatePercent") : "0",
    };
    setProblem(null);
    const callbacks = {
      onError: (error: unknown) => {
        const fields = fieldErrorsOf(error);
        const message =
          Object.keys(fields).length > 0
            ? t("checkFields")
            : error instanceof Error
              ? errorText(error as ApiErrorLike)
              : t("failed");
        setProblem({ message, fields });
      },
    };
    if (product) {
      revise.mutate(
        { ...terms, id: product.id },
        {
          ...callbacks,
          onSuccess: () => {
            router.refresh();
            onDone?.();
          },
        },
      );
    } else {
      create.mutate(
        { ...terms, asset: text("asset") },
        { ...callbacks, onSuccess: (created) => router.push(`/products/${created.id}`) },
      );
    }
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={product ? t("editLabel") : t("newLabel")}
      className="flex flex-col gap-4"
    >
      <div
        className={`grid grid-cols-1 gap-4 sm:grid-cols-2 ${
          product ? "2xl:grid-cols-3" : "lg:grid-cols-4"
        }`}
      >
        <div className="sm:col-span-2">
          <TextField
            label={t("name")}
            name="name"
            defaultValue={product?.name}
            maxLength={80}
            errors={errors("name")}
          />
        </div>
        {product ? (
          <TextField
            label={t("asset")}
            name="asset"
            value={product.asset}
            readOnly
            hint={t("assetKept")}
          />
        ) : (
          <>
            <TextField
              label={t("asset")}
              name="asset"
              list="product-assets"
              placeholder={t("assetPlaceholder")}
              autoCapitalize="characters"
              errors={errors("asset")}
            />
            <datalist id="product-assets">
              {assets.map((code) => (
                <option key={code} value={code} />
              ))}
            </datalist>
          </>
        )}
        <TextField
          label={t("annualRate")}
          name="annualRatePercent"
          inputMode="decimal"
          placeholder="5.25"
          defaultValue={product?.annualRatePercent}
          errors={errors("annualRatePercent")}
        />
        <TextField
          label={t("term")}
          name="termDays"
          inputMode="numeric"
          placeholder="30"
          defaultValue={product?.termDays}
          errors={errors("termDays")}
        />
        <SelectField
          label={t("interestPaid")}
          name="payoutPeriod"
          value={product?.payoutPeriod ?? "MONTHLY"}
          options={SAVINGS_PAYOUT_PERIODS.map((p) => ({
            value: p,
            label: tp(p),
          }))}
          errors={errors("payoutPeriod")}
        />
        <TextField
          label={t("dailyQuota")}
          name="dailyQuota"
          inputMode="decimal"
          placeholder="100000"
          defaultValue={product?.dailyQuota}
          hint={t("dailyQuotaHint")}
          errors={errors("dailyQuota")}
        />
        <TextField
          label={t("kycLevel")}
          name="kycLevel"
          inputMode="numeric"
          defaultValue={product?.kycLevel ?? 1}
          errors={errors("kycLevel")}
        />
        <TextField
          label={t("min")}
          name="minAmount"
          inputMode="decimal"
          placeholder="10"
          defaultValue={product?.minAmount}
          errors={errors("minAmount")}
        />
        <TextField
          label={t("max")}
          name="maxAmount"
          inputMode="decimal"
          placeholder="5000"
          defaultValue={product?.maxAmount}
          errors={errors("maxAmount")}
        />
        <SelectField
          label={t("earlyRedemption")}
          name="earlyRedemption"
          value={rule}
          onChange={(value) => setRule(value as SavingsEarlyRedemption)}
          options={SAVINGS_EARLY_REDEMPTIONS.map((r) => ({
            value: r,
            label: t(`rule.${r}`),
          }))}
          errors={errors("earlyRedemption")}
        />
        {rule === "PENALTY" ? (
          <TextField
            label={t("penalty")}
            name="penaltyRatePercent"
            inputMode="decimal"
            placeholder="1"
            defaultValue={product?.penaltyRatePercent === "0" ? "" : product?.penaltyRatePercent}
            errors={errors("penaltyRatePercent")}
          />
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={buttonClasses("primary", "md")}>
          {product ? t("saveVersion", { version: product.version + 1 }) : t("create")}
        </button>
        {onDone ? (
          <button type="button" onClick={onDone} className={buttonClasses("ghost", "md")}>
            {t("cancel")}
          </button>
        ) : null}
        <span className="text-xs text-ink-faint">{product ? t("editNote") : t("createNote")}</span>
      </div>
      {problem ? (
        <p role="alert" className="text-[13px] text-down">
          {problem.message}
        </p>
      ) : null}
    </form>
  );
}
