import { listUserApiKeys } from "@exchange/domains/api-keys/api-keys";
import { sectionProcedure } from "../../trpc";
import { ZUserApiKeysInput, ZUserApiKeysOutput } from "./api-keys.types";

/** A user's API keys as the profile page lists them (compliance and admins); never a secret. */
export const listUserApiKeysProcedure = sectionProcedure("users")
  .input(ZUserApiKeysInput)
  .output(ZUserApiKeysOutput)
  .query(({ ctx, input }) => listUserApiKeys(ctx.services, input.userId));
