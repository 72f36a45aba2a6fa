import { z } from "zod";
import { hasNoNul, NO_NUL_MESSAGE, ZRowId } from "../input-bounds";
import { RESTRICTION_KINDS } from "./restriction-rules";

/** Why staff set or lift a restriction: shown to staff and kept in the audit log. */
export const ZRestrictionReason = z
  .string()
  .trim()
  .min(3, "Say why, in a few words.")
  .max(500, "Keep the reason under 500 characters.")
  .refine(hasNoNul, NO_NUL_MESSAGE);

export const ZRestrictionKind = z.enum(RESTRICTION_KINDS);

/** Setting or lifting one restriction of one user. */
export const ZRestrictionChangeInput = z.object({
  userId: ZRowId,
  kind: ZRestrictionKind,
  reason: ZRestrictionReason,
});
export type RestrictionChangeInput = z.infer<typeof ZRestrictionChangeInput>;

/** One restriction in force as staff see it. */
export const ZRestrictionView = z.object({
  kind: ZRestrictionKind,
  /** Null for a log-in suspension set before reasons were kept beside it (see the audit log). */
  reason: z.string().nullable(),
  since: z.date().nullable(),
});

export const ZUserRestrictions = z.object({
  userId: z.number().int(),
  restrictions: z.array(ZRestrictionView),
});
export type UserRestrictions = z.infer<typeof ZUserRestrictions>;

/** What the trader is told: which of their actions are restricted (never staff's reason). */
export const ZOwnRestrictions = z.object({
  tradingFrozen: z.boolean(),
  withdrawalsFrozen: z.boolean(),
});
