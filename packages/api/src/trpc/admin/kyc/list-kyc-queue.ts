import { listKycQueue } from "@exchange/domains/kyc/kyc-review";
import { sectionProcedure } from "../../trpc";
import { ZKycQueueInput, ZKycQueueOutput } from "./kyc.types";

/** The KYC review queue, filtered by status, country and time waiting. */
export const listKycQueueProcedure = sectionProcedure("kyc")
  .input(ZKycQueueInput)
  .output(ZKycQueueOutput)
  .query(({ ctx, input }) => listKycQueue(ctx.services, input, ctx.actor.roles));
