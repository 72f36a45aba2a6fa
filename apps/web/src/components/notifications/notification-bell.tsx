"use client";

import type { Notification } from "@exchange/contracts/notification";
import { buttonClasses } from "@exchange/ui";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { useTRPC } from "@/trpc/react";
import { notificationHref, useNotificationWords } from "./notification-words";
import { useMarkRead, useNotificationsLive } from "./use-notifications";

/** How many notifications the bell's panel lists; the page lists the rest. */
const PANEL_SIZE = 8;

/**
 * The header's bell: the unread count, kept live by `@account` pushes, and a panel with the
 * latest notifications (mark one or all read, open the page). Keyboard: Enter or Space opens it,
 * focus moves into it, Escape closes it and gives focus back to the bell.
 */
export function NotificationBell() {
  const t = useTranslations("notifications.bell");
  const trpc = useTRPC();
  useNotificationsLive();
  const unread = useQuery(trpc.notifications.unread.queryOptions()).data?.unread ?? 0;
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const container = useRef<HTMLDivElement>(null);

  const close = useCallback(() => {
    setOpen(false);
    button.current?.focus();
  }, []);

  // While open: a press outside closes it, and so does Escape wherever the focus is.
  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === "Escape") close();
    };
    document.addEventListener("pointerdown", closeOutside);
    document.addEventListener("keydown", closeOnEscape);
    return () => {
      document.removeEventListener("pointerdown", closeOutside);
      document.removeEventListener("keydown", closeOnEscape);
    };
  }, [open, close]);

  return (
    <div ref={container} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unread > 0 ? t("labelUnread", { count: unread }) : t("label")}
        data-testid="notification-bell"
        onClick={() => setOpen((was) => !was)}
        className="relative grid size-10 place-items-center rounded-md text-ink-muted transition-colors hover:bg-raised hover:text-ink focus-visible:outline-2 focus-visible:outline-brand"
      >
        <BellIcon />
        {unread > 0 ? (
          <span
            aria-hidden="true"
            data-testid="notification-count"
            className="absolute top-1 right-1 grid h-4 min-w-4 place-items-center rounded-full bg-brand px-1 text-[10px] leading-none font-semibold text-canvas tabular-nums"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </button>
      {open ? <NotificationPanel id={panelId} onClose={close} /> : null}
    </div>
  );
}

function NotificationPanel({ id, onClose }: { id: string; onClose: () => void }) {
  const t = useTranslations("notifications.bell");
  const trpc = useTRPC();
  const list = useQuery(trpc.notifications.list.queryOptions({ limit: PANEL_SIZE }));
  const { all } = useMarkRead();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const notifications = list.data?.notifications ?? [];
  const hasUnread = notifications.some((n) => !n.read);
  return (
    // A non-modal dialog: the toasts' live region is the page's "Notifications" region.
    <section
      id={id}
      role="dialog"
      aria-labelledby={`${id}-title`}
      data-testid="notification-panel"
      className="fixed inset-x-3 top-14 z-30 flex max-h-[calc(100dvh-5rem)] flex-col rounded-lg border border-line bg-surface shadow-xl sm:absolute sm:inset-x-auto sm:top-12 sm:right-0 sm:w-96"
    >
      <header className="flex items-center gap-2 border-b border-line px-4 py-3">
        <h2
          ref={heading}
          id={`${id}-title`}
          tabIndex={-1}
          className="text-sm font-semibold text-ink outline-none"
        >
          {t("panelTitle")}
        </h2>
        <button
          type="button"
          disabled={!hasUnread || all.isPending}
          onClick={() => all.mutate()}
          className={`${buttonClasses("ghost", "sm")} ml-auto`}
        >
          {t("markAllRead")}
        </button>
        <button
          type="button"
          onClick={onClose}
          aria-label={t("close")}
          className={buttonClasses("ghost", "sm")}
        >
          <span aria-hidden="true">✕</span>
        </button>
      </header>
      {notifications.length === 0 && !list.isPending ? (
        <p className="px-4 py-6 text-[13px] text-ink-muted">{t("empty")}</p>
      ) : (
        <ul className="flex-1 divide-y divide-line overflow-y-auto" aria-label={t("panelTitle")}>
          {notifications.map((notification) => (
            <NotificationItem key={notification.id} notification={notification} compact />
          ))}
        </ul>
      )}
      <footer className="flex flex-wrap items-center justify-between gap-2 border-t border-line px-4 py-2">
        <Link href="/notifications" onClick={onClose} className={buttonClasses("ghost", "sm")}>
          {t("seeAll")}
        </Link>
        <Link href="/announcements" onClick={onClose} className={buttonClasses("ghost", "sm")}>
          {t("announcements")}
        </Link>
      </footer>
    </section>
  );
}

/** One notification: its title, sentence and time; unread ones are marked and can be marked read. */
export function NotificationItem({
  notification,
  compact = false,
}: {
  notification: Notification;
  compact?: boolean;
}) {
  const t = useTranslations("notifications");
  const words = useNotificationWords()(notification);
  const format = useFormatter();
  const { one } = useMarkRead();
  return (
    <li
      data-testid="notification"
      data-read={notification.read}
      className={`flex gap-3 px-4 py-3 ${notification.read ? "" : "bg-raised/40"}`}
    >
      <span
        aria-hidden="true"
        className={`mt-1.5 size-2 shrink-0 rounded-full ${notification.read ? "bg-transparent" : "bg-brand"}`}
      />
      <div className="flex min-w-0 flex-1 flex-col gap-0.5">
        <Link
          href={notificationHref(notification)}
          className="font-medium text-ink hover:underline"
        >
          {notification.read ? null : <span className="sr-only">{t("unread")}: </span>}
          {words.title}
        </Link>
        <p className={`text-[13px] break-words text-ink-muted ${compact ? "line-clamp-2" : ""}`}>
          {words.body}
        </p>
        <time
          dateTime={notification.createdAt.toISOString()}
          className="text-xs text-ink-faint tabular-nums"
        >
          {format.dateTime(notification.createdAt, "dateTime")}
        </time>
      </div>
      {notification.read ? null : (
        <button
          type="button"
          disabled={one.isPending}
          onClick={() => one.mutate({ id: notification.id })}
          className={`${buttonClasses("ghost", "sm")} shrink-0 self-start max-sm:h-10`}
        >
          {t("bell.markRead")}
        </button>
      )}
    </li>
  );
}

function BellIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      className="size-5"
    >
      <path
        strokeLinecap="round"
        strokeLinejoin="round"
        d="M14.857 17.082a23.848 23.848 0 0 0 5.454-1.31A8.967 8.967 0 0 1 18 9.75V9A6 6 0 0 0 6 9v.75a8.967 8.967 0 0 1-2.312 6.022c1.733.64 3.56 1.085 5.455 1.31m5.714 0a24.255 24.255 0 0 1-5.714 0m5.714 0a3 3 0 1 1-5.714 0"
      />
    </svg>
  );
}
