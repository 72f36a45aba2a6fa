import { recentLogIns } from "@exchange/domains/identity/account-security";
import { protectedProcedure } from "../../trpc";
import { ZRecentLogInsOutput } from "./account-security.types";

/** The account's last 20 log-ins and failed attempts, with address and device. */
export const recentLogInsProcedure = protectedProcedure
  .output(ZRecentLogInsOutput)
  .query(({ ctx }) => recentLogIns(ctx.services, ctx.actor.userId));
