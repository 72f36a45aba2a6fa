"use client";

import type { Announcement } from "@exchange/contracts/notification";
import { buttonClasses } from "@exchange/ui";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useTRPC } from "@/trpc/react";

/** The announcements shown now, re-read every minute (a new one appears without a reload). */
const ANNOUNCEMENTS_POLL_MS = 60_000;
/** The ids of the announcements this browser dismissed from the banner. */
const DISMISSED_KEY = "dismissed-announcements";

function useLiveAnnouncements() {
  const trpc = useTRPC();
  const locale = useLocale() === "zh-CN" ? "zh-CN" : "en";
  return useQuery({
    ...trpc.announcements.live.queryOptions({ locale }),
    refetchInterval: ANNOUNCEMENTS_POLL_MS,
  });
}

function readDismissed(): number[] {
  try {
    const stored = JSON.parse(window.localStorage.getItem(DISMISSED_KEY) ?? "[]");
    return Array.isArray(stored) ? stored.filter((id) => typeof id === "number") : [];
  } catch {
    return [];
  }
}

/**
 * The newest announcement this browser has not dismissed, as a strip under the header, in the
 * reader's language; dismissing it remembers its id here, and the next one (if any) shows.
 */
export function AnnouncementBanner() {
  const t = useTranslations("notifications.announcements");
  const live = useLiveAnnouncements();
  const [dismissed, setDismissed] = useState<number[] | undefined>(undefined);
  useEffect(() => setDismissed(readDismissed()), []);
  if (!dismissed) return null;
  const shown = live.data?.find((a) => !dismissed.includes(a.id));
  if (!shown) return null;
  const dismiss = () => {
    const next = [...dismissed, shown.id].slice(-50);
    window.localStorage.setItem(DISMISSED_KEY, JSON.stringify(next));
    setDismissed(next);
  };
  return (
    <aside
      aria-label={t("bannerLabel")}
      data-testid="announcement-banner"
      className="border-b border-line bg-brand/10"
    >
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-1 px-3 py-2 sm:px-6">
        <p className="min-w-0 flex-1 text-[13px] text-ink">
          <span className="font-semibold">{shown.title}</span>{" "}
          <span className="text-ink-muted">{shown.body}</span>
        </p>
        <div className="flex items-center gap-2">
          <Link href="/announcements" className={`${buttonClasses("ghost", "sm")} max-sm:h-10`}>
            {t("seeAll")}
          </Link>
          <button
            type="button"
            onClick={dismiss}
            className={`${buttonClasses("secondary", "sm")} max-sm:h-10`}
          >
            {t("dismiss")}
          </button>
        </div>
      </div>
    </aside>
  );
}

/** The announcements page's list: every one shown now, newest first. */
export function AnnouncementList() {
  const t = useTranslations("notifications.announcements");
  const live = useLiveAnnouncements();
  if (live.isPending) return null;
  const announcements = live.data ?? [];
  if (announcements.length === 0) {
    return <p className="text-[13px] text-ink-muted">{t("empty")}</p>;
  }
  return (
    <ul className="flex flex-col gap-4" aria-label={t("title")}>
      {announcements.map((announcement) => (
        <AnnouncementCard key={announcement.id} announcement={announcement} />
      ))}
    </ul>
  );
}

function AnnouncementCard({ announcement }: { announcement: Announcement }) {
  const t = useTranslations("notifications.announcements");
  const format = useFormatter();
  const since = announcement.startsAt ?? announcement.createdAt;
  return (
    <li
      data-testid="announcement"
      className="flex flex-col gap-2 rounded-xl border border-line bg-surface p-4 sm:p-6"
    >
      <h2 className="text-base font-semibold tracking-tight text-ink">{announcement.title}</h2>
      <p className="text-[13px] leading-6 whitespace-pre-line break-words text-ink-muted">
        {announcement.body}
      </p>
      <p className="text-xs text-ink-faint tabular-nums">
        {t("since", { at: format.dateTime(since, "dateTime") })}
        {announcement.endsAt
          ? ` · ${t("until", { at: format.dateTime(announcement.endsAt, "dateTime") })}`
          : null}
      </p>
    </li>
  );
}
