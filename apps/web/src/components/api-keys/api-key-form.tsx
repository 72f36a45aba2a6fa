"use client";

import { buttonClasses, FormAlert, Spinner, TextField } from "@exchange/ui";
import { useErrorText } from "@exchange/ui/i18n";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { useTRPC } from "@/trpc/react";
import type { CreatedKey } from "./api-key-secret";

type Kind = "HMAC" | "ED25519";
type Field = "label" | "publicKey" | "ipAllowList" | "code" | "form";
type Errors = Partial<Record<Field, string>>;

const EXPIRIES = ["never", "30", "90"] as const;
type Expiry = (typeof EXPIRIES)[number];

const EMPTY = {
  label: "",
  kind: "HMAC" as Kind,
  publicKey: "",
  trade: false,
  withdraw: false,
  ips: "",
  expiry: "never" as Expiry,
  code: "",
};
type Values = typeof EMPTY;

/** Addresses as typed: one per line, or separated by commas or spaces. */
function ipEntries(text: string): string[] {
  return text.split(/[\s,]+/).filter((entry) => entry.length > 0);
}

/**
 * Creating a key: a name, HMAC (the exchange makes the secret) or Ed25519 (the trader's own
 * public key), what it may do beyond reading, the addresses it may be used from, when it
 * expires, and the account's two-factor code.
 */
export function ApiKeyForm({ onCreated }: { onCreated: (created: CreatedKey) => void }) {
  const t = useTranslations("account.apiKeys.create");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.apiKeys.create.mutationOptions());
  const errorText = useErrorText();
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const set = <K extends keyof Values>(name: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [name]: value }));

  function check(): Errors {
    if (!values.label.trim()) return { label: t("enterLabel") };
    if (values.kind === "ED25519" && !values.publicKey.trim())
      return { publicKey: t("enterPublicKey") };
    if (values.code.trim().length < 6) return { code: t("enterCode") };
    return {};
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = check();
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    create.mutate(
      {
        label: values.label.trim(),
        kind: values.kind,
        ...(values.kind === "ED25519" ? { publicKey: values.publicKey } : {}),
        trade: values.trade,
        withdraw: values.withdraw,
        ipAllowList: ipEntries(values.ips),
        expiresInDays: values.expiry === "never" ? null : Number(values.expiry),
        code: values.code.trim(),
      },
      {
        onSuccess: ({ key, secret }) => {
          setValues(EMPTY);
          onCreated({ apiKey: key.apiKey, label: key.label, secret });
          void queryClient.invalidateQueries(trpc.apiKeys.list.queryFilter());
        },
        onError: (failure) => {
          const fields = failure.data?.fieldErrors ?? {};
          const text = errorText(failure);
          if (failure.data?.appCode === "INVALID_TWO_FACTOR_CODE") setErrors({ code: text });
          else if (fields.publicKey) setErrors({ publicKey: t("badPublicKey") });
          else if (Object.keys(fields).some((f) => f.startsWith("ipAllowList")))
            setErrors({ ipAllowList: t("badIps") });
          else setErrors({ form: text });
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4" aria-label={t("title")}>
      <TextField
        label={t("label")}
        name="label"
        maxLength={64}
        autoComplete="off"
        className="sm:max-w-80"
        value={values.label}
        onChange={(e) => set("label", e.target.value)}
        errors={errors.label ? [errors.label] : undefined}
        required
      />
      <KindChoice kind={values.kind} onChange={(kind) => set("kind", kind)} />
      {values.kind === "ED25519" ? (
        <TextArea
          label={t("publicKey")}
          name="publicKey"
          hint={t("publicKeyHint")}
          value={values.publicKey}
          onChange={(text) => set("publicKey", text)}
          error={errors.publicKey}
          rows={4}
        />
      ) : null}
      <Permissions values={values} onChange={(name, on) => set(name, on)} />
      <TextArea
        label={t("ips")}
        name="ipAllowList"
        hint={t("ipsHint")}
        value={values.ips}
        onChange={(text) => set("ips", text)}
        error={errors.ipAllowList}
        rows={2}
      />
      <ExpiryChoice expiry={values.expiry} onChange={(expiry) => set("expiry", expiry)} />
      <TextField
        label={t("code")}
        name="code"
        autoComplete="one-time-code"
        inputMode="numeric"
        className="font-mono sm:max-w-80"
        value={values.code}
        onChange={(e) => set("code", e.target.value)}
        errors={errors.code ? [errors.code] : undefined}
        required
      />
      {errors.form ? <FormAlert>{errors.form}</FormAlert> : null}
      <button
        type="submit"
        disabled={create.isPending}
        className={`${buttonClasses("primary", "md")} self-start`}
      >
        {create.isPending ? <Spinner /> : null}
        {t("submit")}
      </button>
    </form>
  );
}

function KindChoice({ kind, onChange }: { kind: Kind; onChange: (kind: Kind) => void }) {
  const t = useTranslations("account.apiKeys.create");
  const name = useId();
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1.5 text-[13px] font-medium text-ink-muted">{t("kind")}</legend>
      {(["HMAC", "ED25519"] as const).map((value) => (
        <label
          key={value}
          className="flex min-h-10 items-center gap-2 text-[13px] text-ink sm:min-h-0"
        >
          <input
            type="radio"
            name={name}
            value={value}
            checked={kind === value}
            onChange={() => onChange(value)}
            className="size-4 accent-brand"
          />
          {t(value === "HMAC" ? "kindHmac" : "kindEd25519")}
        </label>
      ))}
    </fieldset>
  );
}

function Permissions({
  values,
  onChange,
}: {
  values: Values;
  onChange: (name: "trade" | "withdraw", on: boolean) => void;
}) {
  const t = useTranslations("account.apiKeys.create");
  const box = "size-4 accent-brand";
  const row = "flex min-h-10 items-center gap-2 text-[13px] text-ink sm:min-h-0";
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1.5 text-[13px] font-medium text-ink-muted">{t("permissions")}</legend>
      <label className={row}>
        <input type="checkbox" checked disabled className={box} />
        {t("permissionRead")}
      </label>
      <label className={row}>
        <input
          type="checkbox"
          name="trade"
          checked={values.trade}
          onChange={(e) => onChange("trade", e.target.checked)}
          className={box}
        />
        {t("permissionTrade")}
      </label>
      <label className={row}>
        <input
          type="checkbox"
          name="withdraw"
          checked={values.withdraw}
          onChange={(e) => onChange("withdraw", e.target.checked)}
          className={box}
        />
        {t("permissionWithdraw")}
      </label>
    </fieldset>
  );
}

function ExpiryChoice({
  expiry,
  onChange,
}: {
  expiry: Expiry;
  onChange: (expiry: Expiry) => void;
}) {
  const t = useTranslations("account.apiKeys.create");
  const id = useId();
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-[13px] font-medium text-ink-muted">
        {t("expiry")}
      </label>
      <select
        id={id}
        name="expiry"
        value={expiry}
        onChange={(e) => onChange(e.target.value as Expiry)}
        className="h-10 rounded-md bg-canvas px-3 text-sm text-ink ring-1 ring-line-strong ring-inset outline-none focus:ring-2 focus:ring-brand sm:max-w-80"
      >
        {EXPIRIES.map((value) => (
          <option key={value} value={value}>
            {value === "never" ? t("expiryNever") : t("expiryDays", { days: Number(value) })}
          </option>
        ))}
      </select>
    </div>
  );
}

function TextArea(props: {
  label: string;
  name: string;
  hint: string;
  value: string;
  onChange: (text: string) => void;
  error: string | undefined;
  rows: number;
}) {
  const id = useId();
  const messageId = `${id}-message`;
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-[13px] font-medium text-ink-muted">
        {props.label}
      </label>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows}
        spellCheck={false}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={messageId}
        className={`w-full rounded-md bg-canvas px-3 py-2 font-mono text-xs text-ink ring-1 ring-inset outline-none focus:ring-2 ${
          props.error ? "ring-down focus:ring-down" : "ring-line-strong focus:ring-brand"
        }`}
      />
      <p id={messageId} className={`text-xs ${props.error ? "text-down" : "text-ink-faint"}`}>
        {props.error ?? props.hint}
      </p>
    </div>
  );
}
