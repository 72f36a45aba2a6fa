import { revokeUserApiKey } from "@exchange/domains/api-keys/api-keys";
import { sectionProcedure } from "../../trpc";
import { ZRevokeUserApiKeyInput, ZRevokeUserApiKeyOutput } from "./api-keys.types";

/** Revokes a user's API key with a reason (audited); the gateways refuse it from then on. */
export const revokeUserApiKeyProcedure = sectionProcedure("users")
  .input(ZRevokeUserApiKeyInput)
  .output(ZRevokeUserApiKeyOutput)
  .mutation(({ ctx, input }) =>
    revokeUserApiKey(ctx.services, {
      staffId: ctx.actor.staffId,
      userId: input.userId,
      id: input.id,
      reason: input.reason,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    }),
  );
