import { issueStreamToken } from "@exchange/domains/trading/trading";
import { protectedProcedure } from "../../trpc";
import { ZStreamTokenOutput } from "./queries.types";

/** A token for `{"op":"auth"}` on the WebSocket gateway, valid for a minute. */
export const streamTokenProcedure = protectedProcedure
  .output(ZStreamTokenOutput)
  .mutation(({ ctx }) => issueStreamToken(ctx.services, ctx.actor));
