import type { Store } from "../services";
import { isUniqueViolation } from "../services";

/**
 * The `wallet_alerts` table: what finance must see (hot wallet below a line, a credited deposit
 * reorganised away). The only code that reads or writes it. At most one hot-wallet alert of a
 * kind is open per chain and asset: a partial unique index (migration 20261206400000_treasury)
 * holds that even when two checks race.
 */

/** What an alert is about; the table's `WalletAlertKind`. */
export const WALLET_ALERT_KINDS = [
  "HOT_WALLET_WARNING",
  "HOT_WALLET_LOW",
  "DEPOSIT_REORGED",
] as const;
export type WalletAlertKind = (typeof WALLET_ALERT_KINDS)[number];

export interface WalletAlertRecord {
  id: number;
  chainKey: string;
  assetCode: string;
  kind: WalletAlertKind;
  message: string;
  createdAt: Date;
  /** Null while the alert is open. */
  resolvedAt: Date | null;
}

const SELECT = {
  id: true,
  chainKey: true,
  assetCode: true,
  kind: true,
  message: true,
  createdAt: true,
  resolvedAt: true,
} as const;

/** Open alerts, oldest first; of one chain when `chainKey` is given. */
export function findOpenWalletAlerts(db: Store, chainKey?: string): Promise<WalletAlertRecord[]> {
  return db.walletAlert.findMany({
    where: { resolvedAt: null, ...(chainKey === undefined ? {} : { chainKey }) },
    orderBy: { id: "asc" },
    select: SELECT,
  });
}

/** The newest `limit` alerts, open or resolved, newest first. */
export function findRecentWalletAlerts(db: Store, limit: number): Promise<WalletAlertRecord[]> {
  return db.walletAlert.findMany({ orderBy: { id: "desc" }, take: limit, select: SELECT });
}

/**
 * Opens an alert; answers it, or undefined when one of the same chain, asset and kind is
 * already open (another check opened it first: nobody is alerted twice).
 */
export async function openWalletAlert(
  db: Store,
  alert: { chainKey: string; assetCode: string; kind: WalletAlertKind; message: string; at: Date },
): Promise<WalletAlertRecord | undefined> {
  try {
    return await db.walletAlert.create({
      data: {
        chainKey: alert.chainKey,
        assetCode: alert.assetCode,
        kind: alert.kind,
        message: alert.message,
        createdAt: alert.at,
      },
      select: SELECT,
    });
  } catch (error) {
    if (isUniqueViolation(error)) return undefined;
    throw error;
  }
}

/** Resolves the open DEPOSIT_REORGED alert of a deposit (once finance acknowledged it). */
export async function resolveDepositAlert(db: Store, depositId: number, at: Date): Promise<void> {
  await db.walletAlert.updateMany({
    where: { depositId, kind: "DEPOSIT_REORGED", resolvedAt: null },
    data: { resolvedAt: at },
  });
}

/** Resolves open alerts by id; answers how many it resolved (one already resolved is left as is). */
export async function resolveWalletAlerts(db: Store, ids: number[], at: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const { count } = await db.walletAlert.updateMany({
    where: { id: { in: ids }, resolvedAt: null },
    data: { resolvedAt: at },
  });
  return count;
}
