"use client";

import { buttonClasses, FormNotice } from "@exchange/ui";
import { DateTime, useErrorText } from "@exchange/ui/i18n";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { PanelError, PanelLoading, SecurityCard } from "../security/security-card";
import { SecurityTable } from "../security/security-table";

type Permission = "READ" | "TRADE" | "WITHDRAW";
const PERMISSION_KEYS = {
  READ: "permissionRead",
  TRADE: "permissionTrade",
  WITHDRAW: "permissionWithdraw",
} as const;

/**
 * The account's keys, revoked ones too: name, key id, what it may do, from where, when it was
 * made, last used and expires. Revoking asks once more before it happens.
 */
export function ApiKeyList() {
  const t = useTranslations("account.apiKeys.list");
  const tp = useTranslations("account.apiKeys.create");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.apiKeys.list.queryOptions());
  const errorText = useErrorText();
  const [confirming, setConfirming] = useState<number>();
  const [notice, setNotice] = useState<string>();
  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({
      onSuccess: (key) => {
        setNotice(t("revoked", { label: key.label }));
        setConfirming(undefined);
        void queryClient.invalidateQueries(trpc.apiKeys.list.queryFilter());
      },
    }),
  );

  let body: React.ReactNode;
  if (keys.isPending) body = <PanelLoading />;
  else if (keys.isError)
    body = <PanelError message={t("loadFailed")} onRetry={() => void keys.refetch()} />;
  else if (keys.data.length === 0) body = <p className="text-[13px] text-ink-muted">{t("none")}</p>;
  else
    body = (
      <SecurityTable
        caption={t("caption")}
        columns={[
          { label: t("name") },
          { label: t("permissions") },
          { label: t("ips") },
          { label: t("dates") },
          { label: t("actions"), hidden: true },
        ]}
      >
        {keys.data.map((key) => (
          <tr
            key={key.id}
            data-testid="api-key-row"
            className="border-b border-line align-top last:border-b-0"
          >
            <td className="px-3 py-2">
              <div className="font-medium text-ink">{key.label}</div>
              <div className="font-mono text-xs break-all text-ink-muted" data-testid="api-key-id">
                {key.apiKey.slice(0, 12)}…{key.apiKey.slice(-6)}
              </div>
              <div className="text-xs text-ink-faint">
                {key.kind === "HMAC" ? "HMAC-SHA256" : "Ed25519"}
              </div>
            </td>
            <td className="px-3 py-2 text-ink-muted">
              {key.permissions.map((p) => tp(PERMISSION_KEYS[p as Permission])).join(", ")}
            </td>
            <td className="px-3 py-2 font-mono text-xs text-ink-muted">
              {key.ipAllowList.length === 0 ? t("anyIp") : key.ipAllowList.join(", ")}
            </td>
            <td className="px-3 py-2 text-xs whitespace-nowrap text-ink-muted tabular-nums">
              <div>
                {t("created")} <DateTime at={key.createdAt} format="dateTimeBare" />
              </div>
              <div>
                {t("lastUsed")}{" "}
                {key.lastUsedAt ? (
                  <DateTime at={key.lastUsedAt} format="dateTimeBare" />
                ) : (
                  t("never")
                )}
              </div>
              <div>
                {t("expires")}{" "}
                {key.expiresAt ? <DateTime at={key.expiresAt} format="dateTimeBare" /> : t("never")}
              </div>
            </td>
            <td className="px-3 py-1.5 text-right">
              {key.revokedAt ? (
                <span className="text-xs text-ink-faint" data-testid="api-key-revoked">
                  {key.revokedBy === "STAFF" ? t("revokedByStaff") : t("revokedState")}
                </span>
              ) : confirming === key.id ? (
                <div className="flex flex-col items-end gap-1">
                  <button
                    type="button"
                    disabled={revoke.isPending}
                    onClick={() => revoke.mutate({ id: key.id })}
                    className={buttonClasses("secondary", "md")}
                  >
                    {t("confirmRevoke")}
                  </button>
                  <button
                    type="button"
                    onClick={() => setConfirming(undefined)}
                    className={buttonClasses("ghost", "md")}
                  >
                    {t("cancel")}
                  </button>
                </div>
              ) : (
                <button
                  type="button"
                  onClick={() => setConfirming(key.id)}
                  aria-label={t("revokeLabel", { label: key.label })}
                  className={buttonClasses("ghost", "md")}
                >
                  {t("revoke")}
                </button>
              )}
            </td>
          </tr>
        ))}
      </SecurityTable>
    );

  return (
    <SecurityCard title={t("title")} testId="api-key-list">
      {notice ? <FormNotice>{notice}</FormNotice> : null}
      {revoke.error ? (
        <p role="alert" className="text-[13px] text-down">
          {errorText(revoke.error)}
        </p>
      ) : null}
      {body}
    </SecurityCard>
  );
}
