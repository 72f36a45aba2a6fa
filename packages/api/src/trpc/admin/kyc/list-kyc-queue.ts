import { redactKycPersonalData } from "@exchange/domains/kyc/document-access";
import { listKycQueue } from "@exchange/domains/kyc/kyc-review";
import { clockDate } from "@exchange/protocol";
import { sectionProcedure } from "../../trpc";
import { ZKycQueueInput, ZKycQueueOutput } from "./kyc.types";

/** The KYC review queue, filtered by status, country and time waiting. */
export const listKycQueueProcedure = sectionProcedure("kyc")
  .input(ZKycQueueInput)
  .output(ZKycQueueOutput)
  .query(async ({ ctx, input }) => {
    const queue = await listKycQueue(ctx.services.db, input, clockDate(ctx.services.clock));
    return { ...queue, rows: queue.rows.map((row) => redactKycPersonalData(row, ctx.actor.roles)) };
  });
