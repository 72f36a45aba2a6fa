import { listMySessions } from "@exchange/domains/identity/session-list";
import { protectedProcedure } from "../../trpc";
import { ZListSessionsOutput } from "./account-security.types";

/** The trader's live sessions, newest first, with the one making this request marked. */
export const listSessionsProcedure = protectedProcedure
  .output(ZListSessionsOutput)
  .query(({ ctx }) =>
    listMySessions(ctx.services, { userId: ctx.actor.userId, sessionId: ctx.actor.sessionId }),
  );
