"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { PanelError, PanelLoading, SecurityCard } from "../security/security-card";
import { ApiKeyForm } from "./api-key-form";
import { ApiKeyList } from "./api-key-list";
import { ApiKeySecret, type CreatedKey } from "./api-key-secret";

/**
 * The API keys page: the key just created (its secret shown this once), the form to create
 * another (only with two-factor on), and the account's keys.
 */
export function ApiKeysScreen() {
  const t = useTranslations("account.apiKeys");
  const trpc = useTRPC();
  const twoFactor = useQuery(trpc.security.twoFactorStatus.queryOptions());
  const [created, setCreated] = useState<CreatedKey>();

  let form: React.ReactNode;
  if (twoFactor.isPending) form = <PanelLoading />;
  else if (twoFactor.isError)
    form = <PanelError message={t("loadFailed")} onRetry={() => void twoFactor.refetch()} />;
  else if (!twoFactor.data.enabled)
    form = (
      <p className="text-[13px] leading-5 text-ink-muted" data-testid="api-keys-need-2fa">
        {t("needTwoFactor")}{" "}
        <Link href="/account/security" className="text-brand underline underline-offset-2">
          {t("goToSecurity")}
        </Link>
      </p>
    );
  else form = <ApiKeyForm onCreated={setCreated} />;

  return (
    <>
      {created ? <ApiKeySecret created={created} onDone={() => setCreated(undefined)} /> : null}
      <SecurityCard title={t("create.title")} testId="api-key-create">
        <p className="text-[13px] leading-5 text-ink-muted">{t("create.hint")}</p>
        {form}
      </SecurityCard>
      <ApiKeyList />
    </>
  );
}
