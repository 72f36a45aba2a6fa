"use client";

import { buttonClasses, TextField } from "@exchange/ui";
import { type ApiErrorLike, useErrorText } from "@exchange/ui/i18n";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "@/trpc/react";

type FieldErrors = Record<string, string[]>;

interface Problem {
  message: string;
  fields: FieldErrors;
}

/** The API's refusal as the form shows it: a sentence, and messages beside the named fields. */
export function useProblem() {
  const t = useTranslations("markets.forms");
  const errorText = useErrorText();
  const [problem, setProblem] = useState<Problem | null>(null);
  const fail = (error: unknown) => {
    const fields =
      (error as { data?: { fieldErrors?: FieldErrors } } | null)?.data?.fieldErrors ?? {};
    const message =
      Object.keys(fields).length > 0 ? t("checkFields") : errorText(error as ApiErrorLike);
    setProblem({ message, fields });
  };
  return { problem, setProblem, fail, errors: (field: string) => problem?.fields[field] };
}

export function Outcome({ problem, done }: { problem: Problem | null; done: string | null }) {
  if (problem) {
    return (
      <p role="alert" className="text-[13px] text-down">
        {problem.message}
      </p>
    );
  }
  return done ? (
    <p role="status" className="text-[13px] text-up">
      {done}
    </p>
  ) : null;
}

/** A new asset: code, name, decimals, largest balance and whether it moves on chain. */
export function CreateAssetForm() {
  const t = useTranslations("markets.forms");
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.markets.createAsset.mutationOptions());
  const { problem, setProblem, fail, errors } = useProblem();
  const [done, setDone] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    setProblem(null);
    setDone(null);
    create.mutate(
      {
        code: text("code").toUpperCase(),
        name: text("name"),
        precision: text("precision") === "" ? Number.NaN : Number(text("precision")),
        maxAmount: text("maxAmount") || undefined,
        status: text("status") === "DISABLED" ? "DISABLED" : "ACTIVE",
      },
      {
        onSuccess: (asset) => {
          setDone(t("assetCreated", { code: asset.code }));
          router.refresh();
        },
        onError: fail,
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t("assetLabel")} className="flex flex-col gap-4">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-5">
        <TextField
          label={t("code")}
          name="code"
          placeholder={t("codePlaceholder")}
          autoCapitalize="characters"
          errors={errors("code")}
        />
        <TextField
          label={t("name")}
          name="name"
          placeholder={t("namePlaceholder")}
          errors={errors("name")}
        />
        <TextField
          label={t("precision")}
          name="precision"
          inputMode="numeric"
          placeholder="8"
          hint={t("precisionHint")}
          errors={errors("precision")}
        />
        <TextField
          label={t("maxAmount")}
          name="maxAmount"
          inputMode="decimal"
          placeholder="1000000000"
          errors={errors("maxAmount")}
        />
        <label className="flex flex-col gap-1.5 text-[13px] font-medium text-ink-muted">
          {t("assetStatus")}
          <select
            name="status"
            defaultValue="ACTIVE"
            className="h-10 rounded-md bg-canvas px-2.5 text-sm font-normal text-ink ring-1 ring-inset ring-line-strong"
          >
            <option value="ACTIVE">{t("assetStatuses.ACTIVE")}</option>
            <option value="DISABLED">{t("assetStatuses.DISABLED")}</option>
          </select>
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={create.isPending}
          className={buttonClasses("primary", "md")}
        >
          {t("createAsset")}
        </button>
      </div>
      <Outcome problem={problem} done={done} />
    </form>
  );
}

const MARKET_FIELDS = [
  ["priceTick", "0.01"],
  ["lotSize", "0.001"],
  ["minQty", "0.001"],
  ["maxQty", "10000"],
  ["maxPrice", "1000000"],
  ["minNotional", "5"],
  ["maxNotional", "1000000"],
  ["makerFeeRate", "0.001"],
  ["takerFeeRate", "0.002"],
] as const;

/** A new market of two listed assets, its steps, limits and fees; pre-open unless told to trade. */
export function CreateMarketForm({ assets }: { assets: readonly string[] }) {
  const t = useTranslations("markets.forms");
  const ts = useTranslations("markets.status");
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.markets.create.mutationOptions());
  const { problem, setProblem, fail, errors } = useProblem();
  const [done, setDone] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const terms = Object.fromEntries(MARKET_FIELDS.map(([name]) => [name, text(name)])) as Record<
      (typeof MARKET_FIELDS)[number][0],
      string
    >;
    setProblem(null);
    setDone(null);
    create.mutate(
      {
        ...terms,
        baseAsset: text("baseAsset").toUpperCase(),
        quoteAsset: text("quoteAsset").toUpperCase(),
        maxOpenOrders: Number(text("maxOpenOrders") || "200"),
        status: text("status") === "TRADING" ? "TRADING" : "PRE_OPEN",
      },
      {
        onSuccess: (market) => {
          setDone(t("marketCreated", { symbol: market.symbol }));
          router.refresh();
        },
        onError: fail,
      },
    );
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={t("marketLabel")}
      className="flex flex-col gap-4"
    >
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <TextField
          label={t("baseAsset")}
          name="baseAsset"
          list="market-assets"
          autoCapitalize="characters"
          errors={errors("baseAsset")}
        />
        <TextField
          label={t("quoteAsset")}
          name="quoteAsset"
          list="market-assets"
          defaultValue="USDT"
          autoCapitalize="characters"
          errors={errors("quoteAsset")}
        />
        <datalist id="market-assets">
          {assets.map((code) => (
            <option key={code} value={code} />
          ))}
        </datalist>
        {MARKET_FIELDS.map(([name, placeholder]) => (
          <TextField
            key={name}
            label={t(name)}
            name={name}
            inputMode="decimal"
            placeholder={placeholder}
            defaultValue={placeholder}
            errors={errors(name)}
          />
        ))}
        <TextField
          label={t("maxOpenOrders")}
          name="maxOpenOrders"
          inputMode="numeric"
          defaultValue="200"
          errors={errors("maxOpenOrders")}
        />
        <label className="flex flex-col gap-1.5 text-[13px] font-medium text-ink-muted">
          {t("initialStatus")}
          <select
            name="status"
            defaultValue="PRE_OPEN"
            className="h-10 rounded-md bg-canvas px-2.5 text-sm font-normal text-ink ring-1 ring-inset ring-line-strong"
          >
            <option value="PRE_OPEN">{ts("PRE_OPEN")}</option>
            <option value="TRADING">{ts("TRADING")}</option>
          </select>
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={create.isPending}
          className={buttonClasses("primary", "md")}
        >
          {t("createMarket")}
        </button>
        <span className="text-xs text-ink-faint">{t("marketNote")}</span>
      </div>
      <Outcome problem={problem} done={done} />
    </form>
  );
}
