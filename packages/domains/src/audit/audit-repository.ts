import type { Prisma } from "@exchange/db";
import { boundUserAgent } from "../identity/user-agent";
import type { Store } from "../services";

/**
 * The audit log's repository: the only code that reads or writes `audit_log`. Entries are
 * appended inside the caller's transaction (`recordAudit(tx, ...)`), so an action and its record
 * commit together; the admin console's listing reads newest first with keyset pagination. Rows
 * come back as plain values (bigint ids, JSON as `AuditJson`), never Prisma types.
 */

/** A JSON value as the log stores it in `before` and `after`. */
export type AuditJson =
  | string
  | number
  | boolean
  | null
  | AuditJson[]
  | { [key: string]: AuditJson };

export type AuditActor =
  | { kind: "staff"; staffId: number }
  | { kind: "user"; userId: number }
  | { kind: "system" };

export interface AuditEntry {
  actor: AuditActor;
  action: string;
  target?: { type: string; id: string };
  before?: { [key: string]: AuditJson };
  after?: { [key: string]: AuditJson };
  ip?: string | undefined;
  /** The browser's user agent as sent; stored bounded (identity/user-agent.ts `boundUserAgent`). */
  userAgent?: string | undefined;
}

/**
 * Where a request came from, as the app saw it: the trusted client address (the apps'
 * `clientIp`) and the browser's user agent. Both optional: jobs and tests have neither.
 */
export interface RequestClient {
  ip?: string | undefined;
  userAgent?: string | undefined;
}

/** Appends to the audit log (append-only: the database refuses updates and deletes). */
export async function recordAudit(db: Store, entry: AuditEntry) {
  await db.auditLog.create({
    data: {
      actorType: actorTypeOf(entry.actor),
      actorId: actorIdOf(entry.actor),
      action: entry.action,
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      ...(entry.before === undefined ? {} : { before: entry.before as Prisma.InputJsonObject }),
      ...(entry.after === undefined ? {} : { after: entry.after as Prisma.InputJsonObject }),
      ip: entry.ip ?? null,
      userAgent: boundUserAgent(entry.userAgent) ?? null,
    },
  });
}

/** An entry as a batched writer keeps it until it is written. */
export interface QueuedAuditEntry extends AuditEntry {
  /** When it happened (the row's `created_at`), not when the batch is written. */
  at: Date;
  /**
   * The action happens once per target (an order is placed once): left out when the log already
   * holds it, so a retried request that the engine answered from its journal is not recorded
   * twice.
   */
  oncePerTarget: boolean;
}

/** Appends many entries in one INSERT (see `QueuedAuditEntry` for what each may leave out). */
export async function recordAuditBatch(db: Store, entries: readonly QueuedAuditEntry[]) {
  if (entries.length === 0) return;
  const column = <T>(value: (entry: QueuedAuditEntry) => T) => entries.map(value);
  await db.$executeRaw`
    INSERT INTO audit_log
      (actor_type, actor_id, action, target_type, target_id, "after", ip, user_agent, created_at)
    SELECT e.actor_type::"ActorType", e.actor_id, e.action, e.target_type, e.target_id,
           e."after", e.ip, e.user_agent, e.created_at AT TIME ZONE 'UTC'
      FROM unnest(
        ${column((e) => actorTypeOf(e.actor))}::text[],
        ${column((e) => actorIdOf(e.actor))}::text[],
        ${column((e) => e.action)}::text[],
        ${column((e) => e.target?.type ?? null)}::text[],
        ${column((e) => e.target?.id ?? null)}::text[],
        ${column((e) => (e.after === undefined ? null : JSON.stringify(e.after)))}::jsonb[],
        ${column((e) => e.ip ?? null)}::text[],
        ${column((e) => boundUserAgent(e.userAgent) ?? null)}::text[],
        ${column((e) => e.at.toISOString())}::timestamptz[],
        ${column((e) => e.oncePerTarget)}::boolean[]
      ) AS e(actor_type, actor_id, action, target_type, target_id, "after", ip, user_agent,
             created_at, once_per_target)
     WHERE NOT e.once_per_target OR NOT EXISTS (
       SELECT 1 FROM audit_log a
        WHERE a.target_type = e.target_type AND a.target_id = e.target_id AND a.action = e.action
     )`;
}

function actorTypeOf(actor: AuditActor): "STAFF" | "USER" | "SYSTEM" {
  return actor.kind === "staff" ? "STAFF" : actor.kind === "user" ? "USER" : "SYSTEM";
}

function actorIdOf(actor: AuditActor): string | null {
  if (actor.kind === "staff") return String(actor.staffId);
  if (actor.kind === "user") return String(actor.userId);
  return null;
}

export interface AuditRow {
  id: bigint;
  actorType: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  before: AuditJson;
  after: AuditJson;
  ip: string | null;
  userAgent: string | null;
  createdAt: Date;
}

/** What the audit page narrows the log by; every part optional, all parts combined. */
export interface AuditFilter {
  actorType?: "STAFF" | "USER" | "SYSTEM" | undefined;
  actorId?: string | undefined;
  /** An exact action (`kyc.approve`) or a family ending in a dot (`kyc.`). */
  action?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  /** Inclusive lower and exclusive upper bound of the entry's time. */
  from?: Date | undefined;
  to?: Date | undefined;
}

function auditWhere(filter: AuditFilter): Prisma.AuditLogWhereInput {
  const action = filter.action;
  return {
    ...(filter.actorType ? { actorType: filter.actorType } : {}),
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(action ? { action: action.endsWith(".") ? { startsWith: action } : action } : {}),
    ...(filter.targetType ? { targetType: filter.targetType } : {}),
    ...(filter.targetId ? { targetId: filter.targetId } : {}),
    ...(filter.from || filter.to
      ? {
          createdAt: {
            ...(filter.from ? { gte: filter.from } : {}),
            ...(filter.to ? { lt: filter.to } : {}),
          },
        }
      : {}),
  };
}

/** Newest first, `limit` rows older than `before` (keyset pagination by id), narrowed by `filter`. */
export async function findAuditRows(
  db: Store,
  page: { limit: number; before?: bigint | undefined } & AuditFilter,
) {
  const where = auditWhere(page);
  const rows = await db.auditLog.findMany({
    where: page.before === undefined ? where : { AND: [where, { id: { lt: page.before } }] },
    orderBy: { id: "desc" },
    take: page.limit,
    select: {
      id: true,
      actorType: true,
      actorId: true,
      action: true,
      targetType: true,
      targetId: true,
      before: true,
      after: true,
      ip: true,
      userAgent: true,
      createdAt: true,
    },
  });
  return rows as AuditRow[];
}

/** A trader's own entries among `actions`, newest first: their recent log-ins, for example. */
export async function findUserAuditRows(
  db: Store,
  query: { userId: number; actions: readonly string[]; limit: number },
) {
  return db.auditLog.findMany({
    // By target: a failed attempt's actor is SYSTEM, and the (target_type, target_id) index holds
    // only account events (orders are audited against the order), however busy the account.
    where: {
      targetType: "user",
      targetId: String(query.userId),
      action: { in: [...query.actions] },
    },
    orderBy: { id: "desc" },
    take: query.limit,
    select: { id: true, action: true, after: true, ip: true, userAgent: true, createdAt: true },
  }) as Promise<Pick<AuditRow, "id" | "action" | "after" | "ip" | "userAgent" | "createdAt">[]>;
}

/** Distinct actions and target types present in the log, for the filter's choices. */
export async function findAuditVocabulary(db: Store) {
  const [actions, targetTypes] = await Promise.all([
    db.auditLog.findMany({ distinct: ["action"], select: { action: true } }),
    db.auditLog.findMany({
      distinct: ["targetType"],
      where: { targetType: { not: null } },
      select: { targetType: true },
    }),
  ]);
  return {
    actions: actions.map((a) => a.action).sort(),
    targetTypes: targetTypes.flatMap((t) => (t.targetType ? [t.targetType] : [])).sort(),
  };
}
