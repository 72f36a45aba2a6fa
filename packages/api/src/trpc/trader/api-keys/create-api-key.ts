import { createApiKey } from "@exchange/domains/api-keys/api-keys";
import { protectedProcedure } from "../../trpc";
import { ZCreateApiKeyInput, ZCreateApiKeyOutput } from "./api-keys.types";

/**
 * Creates an API key once the account's two-factor code checks out (every key needs one). An
 * HMAC key's secret is in this answer and nowhere else, ever.
 */
export const createApiKeyProcedure = protectedProcedure
  .input(ZCreateApiKeyInput)
  .output(ZCreateApiKeyOutput)
  .mutation(({ ctx, input }) =>
    createApiKey(ctx.services, ctx.actor.userId, {
      ...input,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    }),
  );
