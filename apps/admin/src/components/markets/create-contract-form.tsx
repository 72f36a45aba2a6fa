"use client";

import { buttonClasses, TextField } from "@exchange/ui";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "@/trpc/react";
import { Outcome, useProblem } from "./create-forms";

/** The market's steps, limits and fees, with a linear perpetual's usual values as defaults. */
const CONTRACT_FIELDS = [
  ["priceTick", "0.01"],
  ["lotSize", "0.001"],
  ["minQty", "0.001"],
  ["maxQty", "10000"],
  ["maxPrice", "1000000"],
  ["minNotional", "5"],
  ["maxNotional", "10000000"],
  ["makerFeeRate", "0.0002"],
  ["takerFeeRate", "0.0005"],
] as const;

const MAX_TIERS = 10;
const FUNDING_HOURS = [8, 4, 1] as const;

interface TierRow {
  key: number;
  maxNotional: string;
  maintenanceRate: string;
  maxLeverage: string;
}

/** Binance-like tiers for a 50× contract: 1 % to 50 000 USDT, then 2 % and 5 %. */
const DEFAULT_TIERS: TierRow[] = [
  { key: 1, maxNotional: "50000", maintenanceRate: "0.01", maxLeverage: "50" },
  { key: 2, maxNotional: "250000", maintenanceRate: "0.02", maxLeverage: "25" },
  { key: 3, maxNotional: "1000000", maintenanceRate: "0.05", maxLeverage: "10" },
];

const SELECT_CLASSES =
  "h-10 rounded-md bg-canvas px-2.5 text-sm font-normal text-ink ring-1 ring-inset ring-line-strong";

/** A whole number typed in a field, or NaN for the schema to refuse with its message. */
const wholeNumber = (text: string) => (/^\d+$/.test(text) ? Number(text) : Number.NaN);

/**
 * Lists a USDT-margined perpetual (`<BASE>USDT-PERP`): the market's terms, the maximum leverage,
 * the maintenance tiers by position size (rows added and removed here) and funding. The API
 * checks every rule and names the cell it concerns; the engine checks again before it is listed.
 */
/** The assets a contract may settle in: linear USDT-margined perpetuals only, for now. */
const SETTLE_ASSETS = ["USDT"] as const;

export function CreateContractForm({ assets }: { assets: readonly string[] }) {
  const t = useTranslations("markets.contractForm");
  const tf = useTranslations("markets.forms");
  const ts = useTranslations("markets.status");
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.markets.createContract.mutationOptions());
  const { problem, setProblem, fail, errors } = useProblem();
  const [done, setDone] = useState<string | null>(null);
  const [tiers, setTiers] = useState<TierRow[]>(DEFAULT_TIERS);
  const [nextKey, setNextKey] = useState(DEFAULT_TIERS.length + 1);

  function editTier(index: number, field: keyof Omit<TierRow, "key">, value: string) {
    setTiers((rows) => rows.map((row, i) => (i === index ? { ...row, [field]: value } : row)));
    // The cell's message was about what it held before; the others stand until the next try.
    const cell = `riskTiers.${index}.${field}`;
    setProblem((shown) => {
      if (!shown?.fields[cell]) return shown;
      const { [cell]: _edited, ...fields } = shown.fields;
      return { ...shown, fields };
    });
  }

  /** The messages named cells by position, which a removal shifts: they go with it. */
  function removeTier(key: number) {
    setTiers(tiers.filter((row) => row.key !== key));
    setProblem(null);
  }

  function addTier() {
    const last = tiers.at(-1);
    setTiers([
      ...tiers,
      { key: nextKey, maxNotional: "", maintenanceRate: "", maxLeverage: last?.maxLeverage ?? "" },
    ]);
    setNextKey(nextKey + 1);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const terms = Object.fromEntries(CONTRACT_FIELDS.map(([name]) => [name, text(name)])) as Record<
      (typeof CONTRACT_FIELDS)[number][0],
      string
    >;
    setProblem(null);
    setDone(null);
    create.mutate(
      {
        ...terms,
        baseAsset: text("baseAsset").toUpperCase(),
        quoteAsset: "USDT",
        maxOpenOrders: wholeNumber(text("maxOpenOrders") || "200"),
        status: text("status") === "TRADING" ? "TRADING" : "PRE_OPEN",
        maxLeverage: wholeNumber(text("maxLeverage")),
        riskTiers: tiers.map((row) => ({
          maxNotional: row.maxNotional.trim(),
          maintenanceRate: row.maintenanceRate.trim(),
          maxLeverage: wholeNumber(row.maxLeverage.trim()),
        })),
        fundingIntervalHours: Number(text("fundingIntervalHours")) as 1 | 4 | 8,
        fundingCap: text("fundingCap"),
        interestRate: text("interestRate"),
      },
      {
        onSuccess: (market) => {
          setDone(t("created", { symbol: market.symbol }));
          router.refresh();
        },
        onError: fail,
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t("label")} className="flex flex-col gap-5">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <TextField
          label={tf("baseAsset")}
          name="baseAsset"
          list="contract-assets"
          autoCapitalize="characters"
          hint={t("baseHint")}
          errors={errors("baseAsset")}
        />
        <label className="flex flex-col gap-1.5 text-[13px] font-medium text-ink-muted">
          {t("settleAsset")}
          <select name="quoteAsset" defaultValue={SETTLE_ASSETS[0]} className={SELECT_CLASSES}>
            {SETTLE_ASSETS.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </label>
        <datalist id="contract-assets">
          {assets.map((code) => (
            <option key={code} value={code} />
          ))}
        </datalist>
        {CONTRACT_FIELDS.map(([name, value]) => (
          <TextField
            key={name}
            label={tf(name)}
            name={name}
            inputMode="decimal"
            defaultValue={value}
            errors={errors(name)}
          />
        ))}
        <TextField
          label={tf("maxOpenOrders")}
          name="maxOpenOrders"
          inputMode="numeric"
          defaultValue="200"
          errors={errors("maxOpenOrders")}
        />
        <label className="flex flex-col gap-1.5 text-[13px] font-medium text-ink-muted">
          {tf("initialStatus")}
          <select name="status" defaultValue="PRE_OPEN" className={SELECT_CLASSES}>
            <option value="PRE_OPEN">{ts("PRE_OPEN")}</option>
            <option value="TRADING">{ts("TRADING")}</option>
          </select>
        </label>
      </div>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-[13px] font-semibold text-ink">{t("termsTitle")}</legend>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <TextField
            label={t("maxLeverage")}
            name="maxLeverage"
            inputMode="numeric"
            defaultValue="50"
            hint={t("maxLeverageHint")}
            errors={errors("maxLeverage")}
          />
          <label className="flex flex-col gap-1.5 text-[13px] font-medium text-ink-muted">
            {t("fundingInterval")}
            <select name="fundingIntervalHours" defaultValue="8" className={SELECT_CLASSES}>
              {FUNDING_HOURS.map((hours) => (
                <option key={hours} value={String(hours)}>
                  {t("hours", { hours })}
                </option>
              ))}
            </select>
          </label>
          <TextField
            label={t("fundingCap")}
            name="fundingCap"
            inputMode="decimal"
            defaultValue="0.003"
            hint={t("fundingCapHint")}
            errors={errors("fundingCap")}
          />
          <TextField
            label={t("interestRate")}
            name="interestRate"
            inputMode="decimal"
            defaultValue="0.0001"
            hint={t("interestRateHint")}
            errors={errors("interestRate")}
          />
        </div>
      </fieldset>

      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-[13px] font-semibold text-ink">{t("tiersTitle")}</legend>
        <p className="text-xs text-ink-faint">{t("tiersHint")}</p>
        <ol className="flex flex-col gap-3">
          {tiers.map((row, index) => (
            <li
              key={row.key}
              data-testid="risk-tier"
              className="grid grid-cols-2 items-start gap-3 rounded-md border border-line p-3 sm:grid-cols-[auto_1fr_1fr_1fr_auto]"
            >
              <span className="col-span-2 pt-0 text-[13px] font-medium text-ink sm:col-span-1 sm:pt-8">
                {t("tier", { n: index + 1 })}
              </span>
              <TierField
                name={`riskTiers.${index}.maxNotional`}
                label={t("tierMaxNotional")}
                value={row.maxNotional}
                onChange={(v) => editTier(index, "maxNotional", v)}
                errors={errors(`riskTiers.${index}.maxNotional`)}
              />
              <TierField
                name={`riskTiers.${index}.maintenanceRate`}
                label={t("tierMaintenanceRate")}
                value={row.maintenanceRate}
                onChange={(v) => editTier(index, "maintenanceRate", v)}
                errors={errors(`riskTiers.${index}.maintenanceRate`)}
              />
              <TierField
                name={`riskTiers.${index}.maxLeverage`}
                label={t("tierMaxLeverage")}
                value={row.maxLeverage}
                numeric
                onChange={(v) => editTier(index, "maxLeverage", v)}
                errors={errors(`riskTiers.${index}.maxLeverage`)}
              />
              <button
                type="button"
                onClick={() => removeTier(row.key)}
                disabled={tiers.length === 1}
                aria-label={t("removeTier", { n: index + 1 })}
                className={`${buttonClasses("secondary", "md")} self-end`}
              >
                {t("remove")}
              </button>
            </li>
          ))}
        </ol>
        {errors("riskTiers") ? (
          <p role="alert" className="text-[13px] text-down">
            {errors("riskTiers")?.join(" ")}
          </p>
        ) : null}
        <div>
          <button
            type="button"
            onClick={addTier}
            disabled={tiers.length >= MAX_TIERS}
            className={buttonClasses("secondary", "md")}
          >
            {t("addTier")}
          </button>
        </div>
      </fieldset>

      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={create.isPending}
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

function TierField(props: {
  name: string;
  label: string;
  value: string;
  numeric?: boolean;
  onChange: (value: string) => void;
  errors: string[] | undefined;
}) {
  return (
    <TextField
      name={props.name}
      label={props.label}
      value={props.value}
      inputMode={props.numeric ? "numeric" : "decimal"}
      onChange={(event) => props.onChange(event.target.value)}
      errors={props.errors}
    />
  );
}
