"use client";

import { buttonClasses, FormNotice, Spinner } from "@exchange/ui";
import { DateTime, useErrorText, useTimeZoneLabel } from "@exchange/ui/i18n";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { useDeviceText } from "./device-text";
import { PanelError, PanelLoading, SecurityCard } from "./security-card";
import { SecurityTable } from "./security-table";

/**
 * Every browser logged in to the account: when, from where, on what; this one marked. Any
 * other can be logged out, or all of them at once.
 */
export function SessionsPanel() {
  const t = useTranslations("account.security.sessions");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessions = useQuery(trpc.security.sessions.queryOptions());
  const errorText = useErrorText();
  const deviceText = useDeviceText();
  const zone = useTimeZoneLabel();
  const [notice, setNotice] = useState<string>();
  const refresh = () => queryClient.invalidateQueries(trpc.security.sessions.queryFilter());
  const revoke = useMutation(
    trpc.security.revokeSession.mutationOptions({
      onSuccess: () => {
        setNotice(t("revoked"));
        void refresh();
      },
      onError: () => void refresh(),
    }),
  );
  const revokeOthers = useMutation(
    trpc.security.revokeOtherSessions.mutationOptions({
      onSuccess: ({ revoked }) => {
        setNotice(t("loggedOutOthers", { count: revoked }));
        void refresh();
      },
    }),
  );

  let body: React.ReactNode;
  if (sessions.isPending) body = <PanelLoading />;
  else if (sessions.isError)
    body = <PanelError message={t("loadFailed")} onRetry={() => void sessions.refetch()} />;
  else {
    const others = sessions.data.filter((s) => !s.current);
    body = (
      <>
        <SecurityTable
          caption={t("caption")}
          columns={[
            { label: t("device") },
            { label: t("address") },
            { label: t("since", { zone }) },
            { label: t("actions"), hidden: true },
          ]}
        >
          {sessions.data.map((session) => {
            const device = deviceText(session.device);
            const address = session.ip ?? t("unknownAddress");
            return (
              <tr
                key={session.handle}
                data-testid="session-row"
                className="border-b border-line last:border-b-0"
              >
                <td className="px-3 py-2 text-ink">
                  {device}
                  {session.current ? (
                    <span className="ml-2 inline-block rounded-full whitespace-nowrap bg-brand/10 px-2 py-0.5 text-xs font-medium text-brand ring-1 ring-brand/30 ring-inset">
                      {t("thisDevice")}
                    </span>
                  ) : null}
                </td>
                <td className="px-3 py-2 font-mono text-xs text-ink-muted">{address}</td>
                <td className="px-3 py-2 whitespace-nowrap text-ink-muted tabular-nums">
                  <DateTime at={session.createdAt} format="dateTimeBare" />
                </td>
                <td className="px-3 py-1.5 text-right">
                  {session.current ? null : (
                    <button
                      type="button"
                      disabled={revoke.isPending}
                      onClick={() => revoke.mutate({ handle: session.handle })}
                      aria-label={t("revokeLabel", { device, address })}
                      className={buttonClasses("ghost", "md")}
                    >
                      {t("revoke")}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </SecurityTable>
        {others.length === 0 ? (
          <p className="text-[13px] text-ink-muted">{t("onlyThis")}</p>
        ) : (
          <button
            type="button"
            disabled={revokeOthers.isPending}
            onClick={() => revokeOthers.mutate()}
            className={`${buttonClasses("secondary", "md")} self-start`}
          >
            {revokeOthers.isPending ? <Spinner /> : null}
            {t("logOutOthers")}
          </button>
        )}
      </>
    );
  }

  const failure = revoke.error ?? revokeOthers.error;
  return (
    <SecurityCard title={t("title")} testId="sessions-panel">
      <p className="text-[13px] leading-5 text-ink-muted">{t("hint")}</p>
      {notice ? <FormNotice>{notice}</FormNotice> : null}
      {failure ? (
        <p role="alert" className="text-[13px] text-down">
          {errorText(failure)}
        </p>
      ) : null}
      {body}
    </SecurityCard>
  );
}
