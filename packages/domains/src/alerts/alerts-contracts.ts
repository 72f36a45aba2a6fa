import { z } from "zod";
import { ZRowId } from "../input-bounds";

/** Acknowledging or resolving one alert: its id. */
export const ZAlertIdInput = z.object({ id: ZRowId });
export type AlertIdInput = z.infer<typeof ZAlertIdInput>;

/** One alert as staff see it. */
export const ZAlertView = z.object({
  id: z.number().int(),
  key: z.string(),
  severity: z.enum(["CRITICAL", "WARNING"]),
  source: z.string(),
  message: z.string(),
  detail: z.string(),
  status: z.enum(["OPEN", "ACKNOWLEDGED", "RESOLVED"]),
  firstSeenAt: z.date(),
  lastSeenAt: z.date(),
  count: z.number().int(),
  notifiedAt: z.date().nullable(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: z.date().nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.date().nullable(),
});
export type AlertView = z.infer<typeof ZAlertView>;
