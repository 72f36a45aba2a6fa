"use client";

import { buttonClasses, TextField } from "@exchange/ui";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "@/trpc/react";
import { Outcome, useProblem } from "./create-forms";

const selectClasses =
  "h-10 rounded-md bg-canvas px-2.5 text-sm font-normal text-ink ring-1 ring-inset ring-line-strong";

/**
 * Suspends an asset's deposits and withdrawals, or resumes them, with a reason for the audit
 * log. Balances and trading are untouched; the wallet refuses new withdrawals while it is off.
 */
export function AssetStatusForm({ assets }: { assets: string[] }) {
  const t = useTranslations("markets.assetStatus");
  const tf = useTranslations("markets.forms");
  const trpc = useTRPC();
  const router = useRouter();
  const setStatus = useMutation(trpc.markets.setAssetStatus.mutationOptions());
  const { problem, setProblem, fail, errors } = useProblem();
  const [done, setDone] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    setProblem(null);
    setDone(null);
    setStatus.mutate(
      {
        code: text("code"),
        status: text("status") === "ACTIVE" ? "ACTIVE" : "DISABLED",
        reason: text("reason"),
      },
      {
        onSuccess: (asset) => {
          setDone(t(`done.${asset.status}`, { code: asset.code }));
          router.refresh();
        },
        onError: fail,
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t("label")} className="flex flex-col gap-4">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <label className="flex flex-col gap-1.5 text-[13px] font-medium text-ink-muted">
          {t("asset")}
          <select name="code" className={selectClasses}>
            {assets.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1.5 text-[13px] font-medium text-ink-muted">
          {tf("assetStatus")}
          <select name="status" defaultValue="DISABLED" className={selectClasses}>
            <option value="DISABLED">{tf("assetStatuses.DISABLED")}</option>
            <option value="ACTIVE">{tf("assetStatuses.ACTIVE")}</option>
          </select>
        </label>
        <div className="sm:col-span-2">
          <TextField
            label={t("reason")}
            name="reason"
            placeholder={t("reasonPlaceholder")}
            errors={[...(errors("reason") ?? []), ...(errors("status") ?? [])]}
          />
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={setStatus.isPending || assets.length === 0}
          className={buttonClasses("primary", "md")}
        >
          {t("submit")}
        </button>
        <span className="text-xs text-ink-faint">{t("note")}</span>
      </div>
      <Outcome problem={problem} done={done} />
    </form>
  );
}
