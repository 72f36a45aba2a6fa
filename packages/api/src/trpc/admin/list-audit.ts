import { auditVocabulary, listAudit } from "@exchange/domains/audit/audit";
import { ZBigRowId, ZInputDate } from "@exchange/domains/input-bounds";
import { z } from "zod";
import { sectionProcedure } from "../trpc";

export const ZAuditFilter = z.object({
  actorType: z.enum(["STAFF", "USER", "SYSTEM"]).optional(),
  actorId: z
    .string()
    .trim()
    .regex(/^\d{1,12}$/, "An actor id is a number.")
    .optional(),
  action: z.string().trim().min(1).max(64).optional(),
  targetType: z.string().trim().min(1).max(64).optional(),
  targetId: z.string().trim().min(1).max(64).optional(),
  from: ZInputDate.optional(),
  to: ZInputDate.optional(),
});

export const ZListAuditInput = ZAuditFilter.extend({
  limit: z.number().int().min(1).max(200).default(50),
  before: ZBigRowId.optional(),
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
      before: z.unknown(),
      after: z.unknown(),
      ip: z.string().nullable(),
      userAgent: z.string().nullable(),
      /** The browser and system the user agent names, for the Device column. */
      device: z.object({ browser: z.string().nullable(), os: z.string().nullable() }).nullable(),
      createdAt: z.date(),
    }),
  ),
  nextBefore: z.bigint().optional(),
});

/** The audit log, newest first, narrowed by actor, action, target and time. Read-only. */
export const listAuditProcedure = sectionProcedure("audit")
  .input(ZListAuditInput)
  .output(ZListAuditOutput)
  .query(({ ctx, input }) => listAudit(ctx.services, input));

/** The actions and target types the log holds, for the audit page's filter choices. */
export const auditVocabularyProcedure = sectionProcedure("audit")
  .output(z.object({ actions: z.array(z.string()), targetTypes: z.array(z.string()) }))
  .query(({ ctx }) => auditVocabulary(ctx.services));
