import type { Store } from "../services";

/**
 * The chain watcher's position: `chain_cursors` (the last block whose transfers it recorded)
 * and `chain_blocks` (the hashes of the recent blocks it read, to notice a reorganisation). The
 * only code that reads or writes them. A cursor is named by its `watcherKey`: the chain's key in
 * production; a test on the shared chain names its own so its watcher keeps its own place.
 */

export interface ChainCursor {
  blockNumber: bigint;
  blockHash: string;
}

export async function findChainCursor(
  db: Store,
  watcherKey: string,
): Promise<ChainCursor | undefined> {
  const row = await db.chainCursor.findUnique({
    where: { chainKey: watcherKey },
    select: { blockNumber: true, blockHash: true },
  });
  return row ?? undefined;
}

export async function saveChainCursor(
  db: Store,
  watcherKey: string,
  cursor: ChainCursor,
): Promise<void> {
  await db.chainCursor.upsert({
    where: { chainKey: watcherKey },
    create: { chainKey: watcherKey, ...cursor },
    update: cursor,
  });
}

/** Records blocks read (a height read again after a reorganisation takes its new hash). */
export async function saveChainBlocks(
  db: Store,
  watcherKey: string,
  blocks: readonly { number: bigint; hash: string; parentHash: string }[],
): Promise<void> {
  if (blocks.length === 0) return;
  const numbers = blocks.map((b) => b.number);
  await db.chainBlock.deleteMany({ where: { chainKey: watcherKey, number: { in: numbers } } });
  await db.chainBlock.createMany({
    data: blocks.map((b) => ({
      chainKey: watcherKey,
      number: b.number,
      hash: b.hash,
      parentHash: b.parentHash,
    })),
  });
}

/** The kept hashes at or below `top`, by height. */
export async function findChainBlocks(
  db: Store,
  watcherKey: string,
  top: bigint,
): Promise<Map<bigint, string>> {
  const rows = await db.chainBlock.findMany({
    where: { chainKey: watcherKey, number: { lte: top } },
    select: { number: true, hash: true },
  });
  return new Map(rows.map((r) => [r.number, r.hash]));
}

/** Forgets blocks above `height` (left behind by a reorganisation) and below `keepFrom`. */
export async function pruneChainBlocks(
  db: Store,
  watcherKey: string,
  range: { above?: bigint; below?: bigint },
): Promise<void> {
  if (range.above !== undefined) {
    await db.chainBlock.deleteMany({
      where: { chainKey: watcherKey, number: { gt: range.above } },
    });
  }
  if (range.below !== undefined) {
    await db.chainBlock.deleteMany({
      where: { chainKey: watcherKey, number: { lt: range.below } },
    });
  }
}

/**
 * Raises a DEPOSIT_REORGED alert for finance (`wallet_alerts`): a credited deposit whose block
 * left the chain. It stays open, as a banner in admin, until resolved.
 */
export async function raiseDepositReorgAlert(
  db: Store,
  alert: { chainKey: string; assetCode: string; depositId: number; message: string },
): Promise<void> {
  await db.walletAlert.create({ data: { ...alert, kind: "DEPOSIT_REORGED" } });
}
