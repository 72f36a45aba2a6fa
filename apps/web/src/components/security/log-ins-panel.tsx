"use client";

import { DateTime, useTimeZoneLabel } from "@exchange/ui/i18n";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/trpc/react";
import { useDeviceText } from "./device-text";
import { PanelError, PanelLoading, SecurityCard } from "./security-card";
import { SecurityTable } from "./security-table";

const RESULT_KEYS = {
  success: "success",
  "wrong-password": "wrongPassword",
  "wrong-code": "wrongCode",
} as const;

/** The account's last 20 log-ins and failed attempts, so the owner can spot one that was not them. */
export function LogInsPanel() {
  const t = useTranslations("account.security.logIns");
  const trpc = useTRPC();
  const logIns = useQuery(trpc.security.recentLogIns.queryOptions());
  const deviceText = useDeviceText();
  const zone = useTimeZoneLabel();

  let body: React.ReactNode;
  if (logIns.isPending) body = <PanelLoading />;
  else if (logIns.isError)
    body = <PanelError message={t("loadFailed")} onRetry={() => void logIns.refetch()} />;
  else if (logIns.data.length === 0)
    body = <p className="text-[13px] text-ink-muted">{t("empty")}</p>;
  else
    body = (
      <SecurityTable
        caption={t("caption")}
        columns={[
          { label: t("time", { zone }) },
          { label: t("result") },
          { label: t("address") },
          { label: t("device") },
        ]}
      >
        {logIns.data.map((entry) => (
          <tr
            // No id reaches the browser (audit ids are global): the attempt's own facts.
            key={`${entry.at.toISOString()}:${entry.result}:${entry.ip ?? ""}`}
            data-testid="log-in-row"
            className="border-b border-line last:border-b-0"
          >
            <td className="h-10 px-3 whitespace-nowrap text-ink-muted tabular-nums">
              <DateTime at={entry.at} format="dateTimeBare" />
            </td>
            <td className="px-3 whitespace-nowrap">
              {/* A word as well as a colour: a failed attempt reads as one without colour. */}
              <span className={entry.result === "success" ? "text-up" : "font-medium text-down"}>
                {t(RESULT_KEYS[entry.result])}
              </span>
            </td>
            <td className="px-3 font-mono text-xs text-ink-muted">{entry.ip ?? "—"}</td>
            <td className="px-3 text-ink">{deviceText(entry.device)}</td>
          </tr>
        ))}
      </SecurityTable>
    );

  return (
    <SecurityCard title={t("title")} testId="log-ins-panel">
      <p className="text-[13px] leading-5 text-ink-muted">{t("hint")}</p>
      {body}
    </SecurityCard>
  );
}
