import { formatUnits } from "@exchange/contracts/money";
import { summarizeUserAgent } from "../identity/user-agent";
import type { Services } from "../services";
import { findAssetPrecisions } from "./user-profile-repository";
import {
  TIMELINE_KINDS,
  type TimelineEntry,
  type TimelineInput,
  type TimelineKind,
  ZTimelineInput,
} from "./user-timeline-contracts";
import {
  findTimelineRows,
  type TimelinePosition,
  type TimelineRow,
  type TimelineSource,
} from "./user-timeline-repository";

/** Particulars shown at most per entry; each value cut to this many characters. */
const MAX_DETAILS = 8;
const MAX_DETAIL_CHARS = 200;

/**
 * A user's whole timeline as compliance reads it, newest first: log-ins (address, browser),
 * failed log-ins, orders, deposits and withdrawals, KYC submissions and decisions, staff actions
 * on the account. One page per call; `nextCursor` continues where the page ended.
 */
export async function findUserTimeline(
  services: Pick<Services, "db">,
  input: TimelineInput,
): Promise<{ entries: TimelineEntry[]; nextCursor: string | null }> {
  const query = ZTimelineInput.parse(input);
  const kinds = query.kinds?.length ? query.kinds : [...TIMELINE_KINDS];
  const [rows, precisions] = await Promise.all([
    findTimelineRows(services.db, {
      userId: query.userId,
      kinds,
      after: query.cursor ? positionOf(query.cursor) : null,
      limit: query.limit + 1,
    }),
    findAssetPrecisions(services.db),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    entries: page.map((row) => entryOf(row, precisions)),
    nextCursor: rows.length > query.limit && last ? cursorOf(last) : null,
  };
}

export function cursorOf(row: Pick<TimelineRow, "at" | "source" | "id">): string {
  return `${row.at.getTime()}.${row.source}.${row.id}`;
}

/** The position a cursor names (its form is checked by the input schema). */
export function positionOf(cursor: string): TimelinePosition {
  const [ms, source, ...id] = cursor.split(".");
  return { at: new Date(Number(ms)), source: source as TimelineSource, id: id.join(".") };
}

function entryOf(row: TimelineRow, precisions: Map<string, number>): TimelineEntry {
  return {
    key: `${row.source}:${row.id}`,
    at: row.at,
    kind: row.kind as TimelineKind,
    action: row.action,
    actor: row.source === "audit" ? (row.actorType as TimelineEntry["actor"]) : "USER",
    ip: row.ip,
    userAgent: row.userAgent,
    device: summarizeUserAgent(row.userAgent),
    details: detailsOf(row.detail, precisions),
  };
}

/**
 * The entry's JSON as name/value text: scalar fields only, amounts in atoms turned into the
 * asset's decimal text by the money module.
 */
export function detailsOf(
  detail: unknown,
  precisions: Map<string, number>,
): TimelineEntry["details"] {
  if (!detail || typeof detail !== "object" || Array.isArray(detail)) return [];
  const fields = detail as Record<string, unknown>;
  const details: TimelineEntry["details"] = [];
  const precision = typeof fields.asset === "string" ? precisions.get(fields.asset) : undefined;
  for (const [name, value] of Object.entries(fields)) {
    if (details.length >= MAX_DETAILS) break;
    if (value === null || typeof value === "object") continue;
    if (name === "amountAtoms" && typeof value === "string" && /^\d{1,40}$/.test(value)) {
      // Atoms of an asset no longer listed stay atoms rather than guess a precision.
      const amount = precision === undefined ? value : formatUnits(BigInt(value), precision);
      details.push({ name: "amount", value: amount });
      continue;
    }
    details.push({ name, value: String(value).slice(0, MAX_DETAIL_CHARS) });
  }
  return details;
}
