import { listApiKeys } from "@exchange/domains/api-keys/api-keys";
import { protectedProcedure } from "../../trpc";
import { ZListApiKeysOutput } from "./api-keys.types";

/** The trader's API keys, revoked ones too, newest first; never a secret. */
export const listApiKeysProcedure = protectedProcedure
  .output(ZListApiKeysOutput)
  .query(({ ctx }) => listApiKeys(ctx.services, ctx.actor.userId));
