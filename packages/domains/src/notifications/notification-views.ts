import type { Notification, NotificationWire } from "@exchange/contracts/notification";
import type { NotificationRecord } from "./notification-repository";

/** A notification as the API answers it (times as Dates). */
export function notificationView(record: NotificationRecord): Notification {
  return {
    id: record.id.toString(),
    type: record.type,
    params: record.params,
    read: record.readAt !== null,
    createdAt: record.createdAt,
  };
}

/** The same on the wire of a push (times as epoch ms). */
export function notificationWire(record: NotificationRecord): NotificationWire {
  return { ...notificationView(record), createdAt: record.createdAt.getTime() };
}
