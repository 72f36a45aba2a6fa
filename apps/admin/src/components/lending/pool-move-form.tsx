"use client";

import { buttonClasses, TextField } from "@exchange/ui";
import { useErrorText } from "@exchange/ui/i18n";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useRef, useState } from "react";
import { fieldErrorsOf, SelectField } from "@/components/products/product-form";
import { useTRPC } from "@/trpc/react";

type Direction = "fund" | "defund";

/**
 * Fund a pool from the operator account, or return money to it. Each request carries an id made
 * when the form was last reset, so a double click or a retry after a timeout moves the money
 * once; a new id is made after each answer.
 */
export function PoolMoveForm({ assets }: { assets: readonly string[] }) {
  const t = useTranslations("lending.pool");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const router = useRouter();
  const fund = useMutation(trpc.lending.pool.fund.mutationOptions());
  const defund = useMutation(trpc.lending.pool.defund.mutationOptions());
  const requestId = useRef<string>(crypto.randomUUID());
  const [notice, setNotice] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const pending = fund.isPending || defund.isPending;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const direction: Direction = submitter?.value === "defund" ? "defund" : "fund";
    const form = new FormData(event.currentTarget);
    const input = {
      requestId: requestId.current,
      asset: String(form.get("asset") ?? ""),
      amount: String(form.get("amount") ?? "").trim(),
    };
    setNotice(null);
    setFields({});
    const mutation = direction === "fund" ? fund : defund;
    mutation.mutate(input, {
      onSuccess: (moved) => {
        requestId.current = crypto.randomUUID();
        const text = moved.repeated
          ? t("repeated")
          : t(direction === "fund" ? "funded" : "defunded", {
              amount: moved.amount,
              asset: moved.asset,
            });
        setNotice({ tone: "ok", text });
        router.refresh();
      },
      onError: (error) => {
        // After a timeout the engine may still carry the move out: a retry keeps its id.
        if (error.data?.appCode !== "ENGINE_UNAVAILABLE") requestId.current = crypto.randomUUID();
        const named = fieldErrorsOf(error);
        setFields(named);
        // A refusal that names a field is said beside it, once.
        if (Object.keys(named).length === 0) {
          setNotice({ tone: "error", text: errorText(error) || t("failed") });
        }
      },
    });
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={t("moveHeading")}
      className="flex flex-col gap-3 rounded-lg border border-line bg-surface p-4"
    >
      <h2 className="text-[13px] font-semibold text-ink">{t("moveHeading")}</h2>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-[10rem_minmax(0,18rem)]">
        <SelectField
          label={t("asset")}
          name="asset"
          value={assets[0] ?? ""}
          options={assets.map((code) => ({ value: code, label: code }))}
          errors={fields.asset}
        />
        <TextField
          label={t("amount")}
          name="amount"
          inputMode="decimal"
          placeholder="100000"
          errors={fields.amount}
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          name="direction"
          value="fund"
          disabled={pending}
          className={buttonClasses("primary", "md")}
        >
          {t("fund")}
        </button>
        <button
          type="submit"
          name="direction"
          value="defund"
          disabled={pending}
          className={buttonClasses("secondary", "md")}
        >
          {t("defund")}
        </button>
        <span className="text-xs text-ink-faint">{pending ? t("pending") : t("lagNote")}</span>
      </div>
      {notice ? (
        <p
          role={notice.tone === "error" ? "alert" : "status"}
          data-testid="pool-move-notice"
          className={`text-[13px] ${notice.tone === "error" ? "text-down" : "text-up"}`}
        >
          {notice.text}
        </p>
      ) : null}
    </form>
  );
}
