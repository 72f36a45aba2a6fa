import { revokeApiKey } from "@exchange/domains/api-keys/api-keys";
import { protectedProcedure } from "../../trpc";
import { ZRevokeApiKeyInput, ZRevokeApiKeyOutput } from "./api-keys.types";

/** Revokes one of the trader's keys; the gateways refuse it from then on. Another user's key is NOT_FOUND. */
export const revokeApiKeyProcedure = protectedProcedure
  .input(ZRevokeApiKeyInput)
  .output(ZRevokeApiKeyOutput)
  .mutation(({ ctx, input }) =>
    revokeApiKey(ctx.services, ctx.actor.userId, {
      id: input.id,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    }),
  );
