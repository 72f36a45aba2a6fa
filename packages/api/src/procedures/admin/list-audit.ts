import { z } from "zod";
import { listAudit } from "../../services/audit";
import { sectionProcedure } from "../../trpc";

export const ZListAuditInput = z.object({
  limit: z.number().int().min(1).max(200).default(50),
  before: z.bigint().positive().optional(),
});

export const ZListAuditOutput = z.object({
  rows: z.array(
    z.object({
      id: z.bigint(),
      actorType: z.string(),
      actorId: z.string().nullable(),
      action: z.string(),
      targetType: z.string().nullable(),
      targetId: z.string().nullable(),
      ip: z.string().nullable(),
      createdAt: z.date(),
    }),
  ),
  nextBefore: z.bigint().optional(),
});

/** The audit log, newest first. */
export const listAuditProcedure = sectionProcedure("audit")
  .input(ZListAuditInput)
  .output(ZListAuditOutput)
  .query(({ ctx, input }) => listAudit(ctx.services.db, input));
