"use client";

import { channels } from "@exchange/contracts/channels";
import {
  isNotificationPush,
  type Notification,
  ZNotificationPush,
} from "@exchange/contracts/notification";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { useChannel, useOnReconnect } from "@/components/trade/stream-provider";
import { useTRPC } from "@/trpc/react";

interface NotificationPage {
  notifications: Notification[];
  unread: number;
  nextBefore?: string | undefined;
}

/**
 * Keeps the trader's notifications live: a notification pushed on `@account` is put at the top
 * of every cached first page (the bell's, the page's) with the unread count it came with; a
 * reconnect re-reads them, as pushes may have been missed meanwhile.
 */
export function useNotificationsLive(): void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const reread = useCallback(() => {
    void queryClient.invalidateQueries(trpc.notifications.pathFilter());
  }, [queryClient, trpc]);

  useChannel(channels.private("account"), (data) => {
    if (!isNotificationPush(data)) return;
    const push = ZNotificationPush.safeParse(data);
    if (!push.success) {
      reread();
      return;
    }
    const { notification, unread } = push.data;
    queryClient.setQueryData(trpc.notifications.unread.queryKey(), { unread });
    // An identity decision changes what the server-rendered parts show (the header's badge,
    // the verification page): they are rendered again.
    if (notification.type.startsWith("kyc.")) router.refresh();
    for (const query of queryClient.getQueryCache().findAll(trpc.notifications.list.pathFilter())) {
      const input = (query.queryKey[1] as { input?: { before?: string } } | undefined)?.input;
      if (input?.before !== undefined) continue;
      queryClient.setQueryData(query.queryKey, (page: NotificationPage | undefined) =>
        page && !page.notifications.some((n) => n.id === notification.id)
          ? { ...page, unread, notifications: [notification, ...page.notifications] }
          : page,
      );
    }
  });
  useOnReconnect(reread);
}

/** Mark one read, or all: the lists and the count are re-read after either. */
export function useMarkRead() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries(trpc.notifications.pathFilter());
  const one = useMutation(trpc.notifications.markRead.mutationOptions({ onSuccess }));
  const all = useMutation(trpc.notifications.markAllRead.mutationOptions({ onSuccess }));
  return { one, all };
}
