import type { Store, Tx } from "../services";
import type { ApiKeyKind, ApiKeyPermission } from "./api-key-contracts";

/**
 * The API keys' repository: the only code that reads or writes `api_keys`. Rows come back as
 * plain values; the sealed secret leaves this file only in `ApiKeyCredentials`, which the
 * request check opens and nothing shows.
 */

export interface ApiKeyRow {
  id: number;
  userId: number;
  label: string;
  kind: ApiKeyKind;
  apiKey: string;
  permissions: ApiKeyPermission[];
  ipAllowList: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  revokedByType: "USER" | "STAFF" | null;
}

const ROW_SELECT = {
  id: true,
  userId: true,
  label: true,
  kind: true,
  apiKey: true,
  permissions: true,
  ipAllowList: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
  revokedByType: true,
} as const;

/** What a request's check needs: the row's standing and the key material (secret sealed). */
export interface ApiKeyCredentials {
  id: number;
  userId: number;
  kind: ApiKeyKind;
  secretEncrypted: string | null;
  publicKey: string | null;
  permissions: ApiKeyPermission[];
  ipAllowList: string[];
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  /** The owner's account: a suspended user's keys do not stand. */
  user: { status: "ACTIVE" | "SUSPENDED" };
}

/** Holds the user's row until the transaction ends, so two creations count live keys in turn. */
export async function lockUserForKeys(tx: Tx, userId: number): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM users WHERE id = ${userId} FOR UPDATE`;
  return rows.length === 1;
}

export function countLiveApiKeys(db: Store, userId: number, now: Date): Promise<number> {
  return db.apiKey.count({
    where: { userId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
  });
}

export interface NewApiKey {
  userId: number;
  label: string;
  kind: ApiKeyKind;
  apiKey: string;
  secretEncrypted: string | null;
  publicKey: string | null;
  permissions: ApiKeyPermission[];
  ipAllowList: string[];
  expiresAt: Date | null;
  createdAt: Date;
}

export function insertApiKey(tx: Tx, key: NewApiKey): Promise<ApiKeyRow> {
  return tx.apiKey.create({ data: key, select: ROW_SELECT });
}

/** The user's keys, revoked ones too, newest first. */
export function findUserApiKeys(db: Store, userId: number): Promise<ApiKeyRow[]> {
  return db.apiKey.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: ROW_SELECT,
  });
}

/**
 * Revokes the user's key if it is still live; null when the user has no such key or it was
 * revoked already (the caller tells the two apart with `findUserApiKey`).
 */
export async function markApiKeyRevoked(
  tx: Tx,
  input: { id: number; userId: number; by: { type: "USER" | "STAFF"; id: number }; now: Date },
): Promise<ApiKeyRow | null> {
  const updated = await tx.apiKey.updateMany({
    where: { id: input.id, userId: input.userId, revokedAt: null },
    data: { revokedAt: input.now, revokedByType: input.by.type, revokedById: input.by.id },
  });
  if (updated.count === 0) return null;
  return tx.apiKey.findUnique({ where: { id: input.id }, select: ROW_SELECT });
}

export function findUserApiKey(db: Store, userId: number, id: number): Promise<ApiKeyRow | null> {
  return db.apiKey.findFirst({ where: { id, userId }, select: ROW_SELECT });
}

export function findApiKeyCredentials(
  db: Store,
  apiKey: string,
): Promise<ApiKeyCredentials | null> {
  return db.apiKey.findUnique({
    where: { apiKey },
    select: {
      id: true,
      userId: true,
      kind: true,
      secretEncrypted: true,
      publicKey: true,
      permissions: true,
      ipAllowList: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { status: true } },
    },
  });
}

/**
 * Records when keys were last used, many in one statement; a time never moves backwards (two
 * gateways may report the same key out of order).
 */
export async function recordApiKeysUsed(
  db: Store,
  uses: readonly { id: number; at: Date }[],
): Promise<void> {
  if (uses.length === 0) return;
  const ids = uses.map((use) => use.id);
  // ISO text read as a plain timestamp drops its "Z": the columns hold UTC, as Prisma writes.
  const times = uses.map((use) => use.at.toISOString());
  await db.$executeRaw`
    UPDATE api_keys AS k SET last_used_at = GREATEST(COALESCE(k.last_used_at, u.at), u.at)
    FROM unnest(${ids}::int[], ${times}::text[]::timestamp(3)[]) AS u(id, at)
    WHERE k.id = u.id`;
}
