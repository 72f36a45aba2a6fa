import { NOTIFICATION_TYPE_NAMES, ZNotification } from "@exchange/contracts/notification";
import { z } from "zod";

const BIGINT_MAX = 9_223_372_036_854_775_807n;

/** A notification's id as the API gives it: the decimal text of a BIGINT. */
export const ZNotificationId = z
  .string()
  .refine(
    (text) => /^[1-9][0-9]{0,18}$/.test(text) && BigInt(text) <= BIGINT_MAX,
    "No such notification.",
  );

export const ZListNotificationsInput = z.object({
  /** Older than this notification (the previous page's last). */
  before: ZNotificationId.optional(),
  limit: z.number().int().min(1).max(100).default(20),
  unreadOnly: z.boolean().default(false),
});
export type ListNotificationsInput = z.output<typeof ZListNotificationsInput>;

export const ZListNotificationsOutput = z.object({
  notifications: z.array(ZNotification),
  unread: z.number().int(),
  /** The cursor of the next page; absent on the last. */
  nextBefore: z.string().optional(),
});

export const ZMarkReadInput = z.object({ id: ZNotificationId });
export const ZUnreadOutput = z.object({ unread: z.number().int() });

export const ZNotificationTypeName = z.enum(
  NOTIFICATION_TYPE_NAMES as [string, ...string[]],
  "No such notification type.",
);

export const ZSetMailChoiceInput = z.object({ type: ZNotificationTypeName, mail: z.boolean() });

export const ZMailChoicesOutput = z.array(
  z.object({
    type: z.string(),
    /** Whether this type also comes by mail. */
    mail: z.boolean(),
    /** A security mail: always sent, not the trader's choice. */
    locked: z.boolean(),
  }),
);
