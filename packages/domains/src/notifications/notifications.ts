import {
  mailWanted,
  NOTIFICATION_TYPE_NAMES,
  NOTIFICATION_TYPES,
  type NotificationType,
} from "@exchange/contracts/notification";
import { clockDate } from "@exchange/protocol";
import { AppError, AppErrorCode } from "../errors";
import type { Services } from "../services";
import type { ListNotificationsInput } from "./notification-contracts";
import {
  countUnread,
  findMailChoices,
  findNotifications,
  markAllRead,
  markRead,
  saveMailChoice,
} from "./notification-repository";
import { notificationView } from "./notification-views";

/** A page of the trader's notifications, newest first, with the unread count. */
export async function listNotifications(
  services: Services,
  userId: number,
  input: ListNotificationsInput,
) {
  const rows = await findNotifications(services.db, userId, {
    limit: input.limit,
    before: input.before === undefined ? undefined : BigInt(input.before),
    unreadOnly: input.unreadOnly,
  });
  const unread = await countUnread(services.db, userId);
  const last = rows.at(-1);
  return {
    notifications: rows.map(notificationView),
    unread,
    ...(rows.length === input.limit && last ? { nextBefore: last.id.toString() } : {}),
  };
}

export async function unreadNotifications(services: Services, userId: number) {
  return { unread: await countUnread(services.db, userId) };
}

/** Marks one of the trader's own notifications read (again: no change); another's is not found. */
export async function markNotificationRead(services: Services, userId: number, id: string) {
  const found = await markRead(services.db, userId, BigInt(id), clockDate(services.clock));
  if (!found) throw new AppError(AppErrorCode.NOT_FOUND, "No such notification.");
  return unreadNotifications(services, userId);
}

export async function markAllNotificationsRead(services: Services, userId: number) {
  await markAllRead(services.db, userId, clockDate(services.clock));
  return { unread: 0 };
}

/** Every type with whether it also comes by mail to this trader, and whether they may choose. */
export async function mailChoices(services: Services, userId: number) {
  const stored = await findMailChoices(services.db, [userId]);
  return NOTIFICATION_TYPE_NAMES.map((type) => ({
    type,
    mail: mailWanted(type, stored.get(`${userId}:${type}`)),
    locked: NOTIFICATION_TYPES[type].kind === "always",
  }));
}

/** Chooses whether a type also comes by mail; a security mail cannot be turned off. */
export async function setMailChoice(
  services: Services,
  userId: number,
  choice: { type: string; mail: boolean },
) {
  const type = choice.type as NotificationType;
  if (NOTIFICATION_TYPES[type]?.kind !== "optional") {
    throw new AppError(
      AppErrorCode.INVALID_INPUT,
      "Security mails are always sent and cannot be turned off.",
      { type: ["Security mails are always sent."] },
    );
  }
  await saveMailChoice(services.db, { userId, type, mail: choice.mail });
  return mailChoices(services, userId);
}
