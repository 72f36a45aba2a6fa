import {
  ZListNotificationsInput,
  ZListNotificationsOutput,
} from "@exchange/domains/notifications/notification-contracts";
import { listNotifications } from "@exchange/domains/notifications/notifications";
import { protectedProcedure } from "../../trpc";

/** The trader's notifications, newest first, a page at a time, with the unread count. */
export const listNotificationsProcedure = protectedProcedure
  .input(ZListNotificationsInput)
  .output(ZListNotificationsOutput)
  .query(({ ctx, input }) => listNotifications(ctx.services, ctx.actor.userId, input));
