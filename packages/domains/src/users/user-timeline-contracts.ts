import { z } from "zod";
import { ZRowId } from "../input-bounds";

/** What a timeline entry is about; staff filter the timeline by these. */
export const TIMELINE_KINDS = [
  /** Log-ins, failed log-ins and log-outs, with address and browser. */
  "LOGIN",
  /** Orders placed, cancelled and amended. */
  "ORDER",
  /** Deposits and withdrawals. */
  "FUNDS",
  /** KYC submissions and compliance's decisions on them. */
  "KYC",
  /** What staff did to the account: suspensions, restrictions, revoked keys. */
  "STAFF",
  /** The trader's own account changes: password, two-factor, API keys, email. */
  "ACCOUNT",
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** `<ms since the epoch>.<source>.<id>`: the last entry of the page before. */
const CURSOR_PATTERN = /^\d{1,15}\.(audit|deposit|withdrawal)\.[0-9a-f-]{1,40}$/;

export const ZTimelineInput = z.object({
  userId: ZRowId,
  /** Only these kinds; every kind when absent or empty. */
  kinds: z.array(z.enum(TIMELINE_KINDS)).max(TIMELINE_KINDS.length).optional(),
  cursor: z.string().regex(CURSOR_PATTERN, "Not a cursor of this timeline.").optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type TimelineInput = z.input<typeof ZTimelineInput>;

export const ZTimelineEntry = z.object({
  /** Unique within the timeline (the source and its id). */
  key: z.string(),
  at: z.date(),
  kind: z.enum(TIMELINE_KINDS),
  /** The audit action (`user.logged_in`, `order.placed`, …), `deposit` or `withdrawal`. */
  action: z.string(),
  /** Who did it: the trader, a staff member, the system. */
  actor: z.enum(["USER", "STAFF", "SYSTEM"]).nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  /** The browser and system the user agent names, as the audit page shows them. */
  device: z.object({ browser: z.string().nullable(), os: z.string().nullable() }).nullable(),
  /** The entry's particulars as short text pairs (status, asset and amount, reason, order id). */
  details: z.array(z.object({ name: z.string(), value: z.string() })),
});
export type TimelineEntry = z.infer<typeof ZTimelineEntry>;

export const ZTimelineOutput = z.object({
  entries: z.array(ZTimelineEntry),
  /** The cursor of the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});
