import { revokeMySession } from "@exchange/domains/identity/session-list";
import { z } from "zod";
import { protectedProcedure } from "../../trpc";
import { ZRevokeSessionInput } from "./account-security.types";

/** Ends one of the trader's own sessions; a handle that is not theirs is NOT_FOUND. */
export const revokeSessionProcedure = protectedProcedure
  .input(ZRevokeSessionInput)
  .output(z.object({ revoked: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await revokeMySession(
      ctx.services,
      { userId: ctx.actor.userId, sessionId: ctx.actor.sessionId },
      { handle: input.handle, ip: ctx.ip, userAgent: ctx.userAgent },
    );
    return { revoked: true as const };
  });
