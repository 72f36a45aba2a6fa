import {
  ZMarkReadInput,
  ZUnreadOutput,
} from "@exchange/domains/notifications/notification-contracts";
import { markNotificationRead } from "@exchange/domains/notifications/notifications";
import { protectedProcedure } from "../../trpc";

/** Marks one of the trader's notifications read; answers the unread count after it. */
export const markReadProcedure = protectedProcedure
  .input(ZMarkReadInput)
  .output(ZUnreadOutput)
  .mutation(({ ctx, input }) => markNotificationRead(ctx.services, ctx.actor.userId, input.id));
