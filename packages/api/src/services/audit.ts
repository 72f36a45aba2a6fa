import type { Db, Prisma } from "@exchange/db";

export type AuditActor =
  | { kind: "staff"; staffId: number }
  | { kind: "user"; userId: number }
  | { kind: "system" };

export interface AuditEntry {
  actor: AuditActor;
  action: string;
  target?: { type: string; id: string };
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
  ip?: string | undefined;
}

/** Appends to the audit log (append-only: the database refuses updates and deletes). */
export async function recordAudit(db: Db | Prisma.TransactionClient, entry: AuditEntry) {
  await db.auditLog.create({
    data: {
      actorType:
        entry.actor.kind === "staff" ? "STAFF" : entry.actor.kind === "user" ? "USER" : "SYSTEM",
      actorId: actorIdOf(entry.actor),
      action: entry.action,
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      ...(entry.before === undefined ? {} : { before: entry.before }),
      ...(entry.after === undefined ? {} : { after: entry.after }),
      ip: entry.ip ?? null,
    },
  });
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
  ip: string | null;
  createdAt: Date;
}

/** Newest first, `limit` rows older than `before` (keyset pagination by id). */
export async function listAudit(db: Db, page: { limit: number; before?: bigint | undefined }) {
  const rows: AuditRow[] = await db.auditLog.findMany({
    where: page.before === undefined ? {} : { id: { lt: page.before } },
    orderBy: { id: "desc" },
    take: page.limit,
    select: {
      id: true,
      actorType: true,
      actorId: true,
      action: true,
      targetType: true,
      targetId: true,
      ip: true,
      createdAt: true,
    },
  });
  return { rows, nextBefore: rows.length === page.limit ? rows.at(-1)?.id : undefined };
}
