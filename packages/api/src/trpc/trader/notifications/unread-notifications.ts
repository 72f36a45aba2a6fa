import { ZUnreadOutput } from "@exchange/domains/notifications/notification-contracts";
import { unreadNotifications } from "@exchange/domains/notifications/notifications";
import { protectedProcedure } from "../../trpc";

/** How many of the trader's notifications are unread: the bell's count. */
export const unreadNotificationsProcedure = protectedProcedure
  .output(ZUnreadOutput)
  .query(({ ctx }) => unreadNotifications(ctx.services, ctx.actor.userId));
