"use client";

import { buttonClasses, useToast } from "@exchange/ui";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { SecurityCard } from "../security/security-card";

export interface CreatedKey {
  apiKey: string;
  label: string;
  /** HMAC keys only: the exchange never shows it again. */
  secret: string | null;
}

/** The key just created, and its secret this once, with copy buttons and a plain warning. */
export function ApiKeySecret({ created, onDone }: { created: CreatedKey; onDone: () => void }) {
  const t = useTranslations("account.apiKeys.created");
  return (
    <SecurityCard title={t("title", { label: created.label })} testId="api-key-created">
      {created.secret ? (
        <p
          role="alert"
          className="rounded-md bg-down/10 px-3 py-2 text-[13px] leading-5 text-ink ring-1 ring-down/30 ring-inset"
        >
          {t("warning")}
        </p>
      ) : (
        <p className="text-[13px] leading-5 text-ink-muted">{t("ed25519Hint")}</p>
      )}
      <CopyableValue label={t("apiKey")} value={created.apiKey} testId="created-api-key" />
      {created.secret ? (
        <CopyableValue label={t("secret")} value={created.secret} testId="created-secret" />
      ) : null}
      <button
        type="button"
        onClick={onDone}
        className={`${buttonClasses("primary", "md")} self-start`}
      >
        {t("done")}
      </button>
    </SecurityCard>
  );
}

function CopyableValue({ label, value, testId }: { label: string; value: string; testId: string }) {
  const t = useTranslations("account.apiKeys.created");
  const toast = useToast();
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2_000);
    } catch {
      toast({ tone: "error", title: t("copyFailed"), description: t("copyFailedHint") });
    }
  }
  return (
    <div className="flex flex-col gap-1.5">
      <span className="text-[13px] font-medium text-ink-muted">{label}</span>
      <div className="flex items-center gap-2">
        <code
          data-testid={testId}
          className="min-w-0 flex-1 rounded-md bg-raised px-3 py-2 font-mono text-xs break-all text-ink ring-1 ring-line ring-inset"
        >
          {value}
        </code>
        <button
          type="button"
          onClick={copy}
          aria-label={t("copyLabel", { what: label })}
          className={`${buttonClasses("secondary", "md")} shrink-0`}
        >
          {copied ? t("copied") : t("copy")}
        </button>
      </div>
      <span className="sr-only" aria-live="polite">
        {copied ? t("copiedAnnounce", { what: label }) : ""}
      </span>
    </div>
  );
}
