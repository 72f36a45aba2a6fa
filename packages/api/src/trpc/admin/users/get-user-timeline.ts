import { findUserTimeline } from "@exchange/domains/users/user-timeline";
import { ZTimelineInput, ZTimelineOutput } from "@exchange/domains/users/user-timeline-contracts";
import { sectionProcedure } from "../../trpc";

/** One page of a user's timeline (log-ins, orders, funds, KYC, staff actions), newest first. */
export const getUserTimelineProcedure = sectionProcedure("users")
  .input(ZTimelineInput)
  .output(ZTimelineOutput)
  .query(({ ctx, input }) => findUserTimeline(ctx.services, input));
