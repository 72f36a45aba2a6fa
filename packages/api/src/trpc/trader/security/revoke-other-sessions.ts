import { revokeMyOtherSessions } from "@exchange/domains/identity/session-list";
import { protectedProcedure } from "../../trpc";
import { ZRevokeOtherSessionsOutput } from "./account-security.types";

/** "Log out everywhere else": every session of the trader but this one ends. */
export const revokeOtherSessionsProcedure = protectedProcedure
  .output(ZRevokeOtherSessionsOutput)
  .mutation(({ ctx }) =>
    revokeMyOtherSessions(
      ctx.services,
      { userId: ctx.actor.userId, sessionId: ctx.actor.sessionId },
      { ip: ctx.ip, userAgent: ctx.userAgent },
    ),
  );
