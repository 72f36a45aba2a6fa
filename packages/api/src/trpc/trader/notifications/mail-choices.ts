import {
  ZMailChoicesOutput,
  ZSetMailChoiceInput,
} from "@exchange/domains/notifications/notification-contracts";
import { mailChoices, setMailChoice } from "@exchange/domains/notifications/notifications";
import { protectedProcedure } from "../../trpc";

/** Which notification types also come by mail to the trader (security mails always do). */
export const mailChoicesProcedure = protectedProcedure
  .output(ZMailChoicesOutput)
  .query(({ ctx }) => mailChoices(ctx.services, ctx.actor.userId));

/** Chooses whether one type also comes by mail; answers every type's choice after it. */
export const setMailChoiceProcedure = protectedProcedure
  .input(ZSetMailChoiceInput)
  .output(ZMailChoicesOutput)
  .mutation(({ ctx, input }) => setMailChoice(ctx.services, ctx.actor.userId, input));
