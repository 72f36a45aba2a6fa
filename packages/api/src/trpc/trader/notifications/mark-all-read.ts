import { ZUnreadOutput } from "@exchange/domains/notifications/notification-contracts";
import { markAllNotificationsRead } from "@exchange/domains/notifications/notifications";
import { protectedProcedure } from "../../trpc";

/** Marks every notification of the trader read. */
export const markAllReadProcedure = protectedProcedure
  .output(ZUnreadOutput)
  .mutation(({ ctx }) => markAllNotificationsRead(ctx.services, ctx.actor.userId));
