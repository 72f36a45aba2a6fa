import { suspendUser } from "@exchange/domains/identity/suspension";
import { z } from "zod";
import { sectionProcedure } from "../../trpc";

export const ZSuspendUserInput = z.object({
  id: z.number().int().positive().max(2_147_483_647),
  reason: z.string().trim().min(3, "Say why, in a few words.").max(500),
});

/** Blocks a trader's log-in and ends their sessions and open sockets at once (audited). */
export const suspendUserProcedure = sectionProcedure("users")
  .input(ZSuspendUserInput)
  .output(z.object({ status: z.literal("SUSPENDED") }))
  .mutation(({ ctx, input }) =>
    suspendUser(ctx.services, {
      userId: input.id,
      staffId: ctx.actor.staffId,
      reason: input.reason,
      ip: ctx.ip,
    }),
  );
