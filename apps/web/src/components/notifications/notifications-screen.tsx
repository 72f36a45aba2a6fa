"use client";

import { buttonClasses } from "@exchange/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { PanelLoading, SecurityCard } from "@/components/security/security-card";
import { useTRPC } from "@/trpc/react";
import { NotificationItem } from "./notification-bell";
import { useMarkRead } from "./use-notifications";

const PAGE_SIZE = 20;

/** The notifications page: every notification, a page at a time, and the mail choices. */
export function NotificationsScreen() {
  return (
    <>
      <NotificationList />
      <MailChoices />
    </>
  );
}

function NotificationList() {
  const t = useTranslations("notifications.page");
  const trpc = useTRPC();
  const [unreadOnly, setUnreadOnly] = useState(false);
  // The cursors of the older pages asked for, each read on its own below the first page.
  const [olderCursors, setOlderCursors] = useState<string[]>([]);
  const toggleId = useId();
  // The first page is the query the pushes update.
  const first = useQuery(trpc.notifications.list.queryOptions({ limit: PAGE_SIZE, unreadOnly }));
  const { all } = useMarkRead();
  const [lastCursor, setLastCursor] = useState<string | undefined>(undefined);
  const nextCursor = olderCursors.length === 0 ? first.data?.nextBefore : lastCursor;
  const showOlder = () => {
    if (nextCursor) setOlderCursors((cursors) => [...cursors, nextCursor]);
    setLastCursor(undefined);
  };
  const empty = !first.isPending && (first.data?.notifications.length ?? 0) === 0;
  return (
    <SecurityCard title={t("listLabel")} testId="notification-list">
      <div className="flex flex-wrap items-center gap-3">
        <label htmlFor={toggleId} className="flex items-center gap-2 text-[13px] text-ink-muted">
          <input
            id={toggleId}
            type="checkbox"
            checked={unreadOnly}
            onChange={(event) => {
              setUnreadOnly(event.target.checked);
              setOlderCursors([]);
            }}
            className="size-4 accent-brand"
          />
          {t("showUnreadOnly")}
        </label>
        <button
          type="button"
          disabled={all.isPending || (first.data?.unread ?? 0) === 0}
          onClick={() => all.mutate()}
          className={`${buttonClasses("secondary", "sm")} ml-auto max-sm:h-10`}
        >
          {t("markAllRead")}
        </button>
      </div>
      {first.isPending ? (
        <PanelLoading />
      ) : empty ? (
        <p className="text-[13px] text-ink-muted">{unreadOnly ? t("emptyUnread") : t("empty")}</p>
      ) : (
        <ul className="-mx-4 divide-y divide-line sm:-mx-6" aria-label={t("listLabel")}>
          {first.data?.notifications.map((notification) => (
            <NotificationItem key={notification.id} notification={notification} />
          ))}
          {olderCursors.map((before, index) => (
            <OlderPage
              key={before}
              before={before}
              unreadOnly={unreadOnly}
              onNext={index === olderCursors.length - 1 ? setLastCursor : undefined}
            />
          ))}
        </ul>
      )}
      {nextCursor ? (
        <button
          type="button"
          onClick={showOlder}
          className={`${buttonClasses("secondary", "md")} self-start`}
        >
          {t("loadMore")}
        </button>
      ) : null}
    </SecurityCard>
  );
}

/** A page of older notifications; the last one tells the list where the next would start. */
function OlderPage({
  before,
  unreadOnly,
  onNext,
}: {
  before: string;
  unreadOnly: boolean;
  onNext: ((cursor: string | undefined) => void) | undefined;
}) {
  const trpc = useTRPC();
  const page = useQuery(
    trpc.notifications.list.queryOptions({ limit: PAGE_SIZE, unreadOnly, before }),
  );
  const next = page.data?.nextBefore;
  useEffect(() => {
    if (page.data) onNext?.(next);
  }, [page.data, next, onNext]);
  return page.data?.notifications.map((notification) => (
    <NotificationItem key={notification.id} notification={notification} />
  ));
}

function MailChoices() {
  const t = useTranslations("notifications");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const choices = useQuery(trpc.notifications.mailChoices.queryOptions());
  const [saved, setSaved] = useState(false);
  // The choice being saved shows at once, set in the same event as the click (a controlled
  // checkbox whose value waited for the mutation's state would flick back first).
  const [saving, setSaving] = useState<{ type: string; mail: boolean } | null>(null);
  const save = useMutation(
    trpc.notifications.setMailChoice.mutationOptions({
      onSuccess: (next) => {
        queryClient.setQueryData(trpc.notifications.mailChoices.queryKey(), next);
        setSaved(true);
      },
      onSettled: () => setSaving(null),
    }),
  );
  return (
    <SecurityCard title={t("mail.title")} testId="mail-choices">
      <p className="text-[13px] leading-5 text-ink-muted">{t("mail.description")}</p>
      {choices.data ? (
        <fieldset className="flex flex-col gap-2">
          <legend className="sr-only">{t("mail.legend")}</legend>
          {choices.data.map((choice) => (
            <label
              key={choice.type}
              className="flex min-h-10 items-center gap-3 text-[13px] text-ink"
            >
              <input
                type="checkbox"
                name={choice.type}
                checked={saving?.type === choice.type ? saving.mail : choice.mail}
                disabled={choice.locked || saving !== null}
                onChange={(event) => {
                  const wanted = { type: choice.type, mail: event.target.checked };
                  setSaving(wanted);
                  save.mutate(wanted);
                }}
                className="size-4 accent-brand"
              />
              <span>{t(`typeNames.${choice.type}` as "typeNames.deposit.credited")}</span>
              {choice.locked ? (
                <span className="text-xs text-ink-faint">{t("mail.always")}</span>
              ) : null}
            </label>
          ))}
        </fieldset>
      ) : (
        <PanelLoading />
      )}
      {saved ? (
        <p role="status" className="text-[13px] text-up">
          {t("mail.saved")}
        </p>
      ) : null}
    </SecurityCard>
  );
}
