import type { BlockHeader, NativeTransfer, TokenTransfer } from "@exchange/chain";
import { countDepositDecision } from "../business-metrics";
import { inTransaction, type Services } from "../services";
import { type DepositAsset, findDepositAssets } from "./chain-asset-repository";
import {
  findChainBlocks,
  findChainCursor,
  pruneChainBlocks,
  raiseDepositReorgAlert,
  saveChainBlocks,
  saveChainCursor,
} from "./chain-watch-repository";
import { findDepositAddressOwners } from "./deposit-address-repository";
import { creditDeposit, type DepositDeps, pushDeposit } from "./deposit-crediting";
import {
  type DepositRecord,
  findBlockedSenders,
  findGasTopUps,
  findOpenDeposits,
  markDepositsOfDroppedBlocks,
  type NewDeposit,
  recordFoundDeposit,
  updateConfirmations,
} from "./deposit-repository";
import {
  chainToEngineAtoms,
  classifyDeposit,
  commonAncestor,
  confirmationsAt,
  depositRulesOf,
} from "./deposit-rules";
import type { WalletChain } from "./wallet-chain";

/**
 * The chain watcher's one pass (the worker's `chain-watcher` loop calls it every poll): follow
 * new blocks from the cursor to the head, record transfers to users' deposit addresses, count
 * confirmations and credit what has enough. It follows the chain, not `engine.events`: its
 * position is a block (`chain_cursors`), and the recent blocks' hashes (`chain_blocks`) tell a
 * reorganisation: a different hash at a height it read. Then it walks back to the common
 * ancestor, drops the uncredited deposits of the removed blocks, flags credited ones for finance
 * (a DEPOSIT_REORGED alert) and reads again from there.
 *
 * Exactly once across restarts: the deposits found and the cursor that passed them commit in one
 * transaction, and a credit's command id is the deposit's key, so a pass repeated after a crash
 * finds the same rows and the engine answers a repeated credit from its journal.
 */

export interface WatchDeps extends DepositDeps {
  db: Services["db"];
  chain: WalletChain;
}

export interface WatchOptions {
  /** Names the cursor; the chain's key when absent (a test on the shared chain names its own). */
  watcherKey?: string;
  /** Where a watcher without a cursor starts: the head when absent (history is not re-read). */
  startBlock?: bigint;
  /** Most blocks one pass reads. */
  maxBlocks?: number;
  /** Blocks kept to detect a reorganisation. */
  keepBlocks?: number;
}

export interface WatchPass {
  head: bigint;
  /** The last block whose transfers are recorded, after the pass. */
  cursor: bigint;
  /** Deposits created or changed by what this pass read. */
  found: number;
  /** A reorganisation was found and undone (the next pass reads the new branch). */
  reorganised: boolean;
}

const DEFAULTS = { maxBlocks: 50, keepBlocks: 128 };

export async function watchChainOnce(
  deps: WatchDeps,
  options: WatchOptions = {},
): Promise<WatchPass> {
  const watcherKey = options.watcherKey ?? deps.chain.key;
  const { adapter } = deps.chain;
  const head = await adapter.latestBlockNumber();
  const cursor =
    (await findChainCursor(deps.db, watcherKey)) ??
    (await startCursor(deps, watcherKey, options.startBlock ?? head));
  const atCursor = await adapter.block(cursor.blockNumber);
  if (atCursor?.hash !== cursor.blockHash) {
    const ancestor = await undoReorganisation(deps, watcherKey, cursor.blockNumber);
    return { head, cursor: ancestor, found: 0, reorganised: true };
  }
  const to = minBig(head, cursor.blockNumber + BigInt(options.maxBlocks ?? DEFAULTS.maxBlocks));
  let found = 0;
  let reached = cursor.blockNumber;
  if (to > cursor.blockNumber) {
    const read = await readBlocks(deps, cursor, to);
    if (read) {
      found = await recordPass(deps, {
        watcherKey,
        head,
        headers: read,
        keep: options.keepBlocks ?? DEFAULTS.keepBlocks,
      });
      reached = to;
    }
  }
  await refreshOpenDeposits(deps, head);
  return { head, cursor: reached, found, reorganised: false };
}

async function startCursor(deps: WatchDeps, watcherKey: string, at: bigint) {
  const header = await deps.chain.adapter.block(at);
  if (!header) throw new Error(`the chain has no block ${at} to start watching from`);
  const cursor = { blockNumber: header.number, blockHash: header.hash };
  await inTransaction(deps.db, async (tx) => {
    await saveChainCursor(tx, watcherKey, cursor);
    await saveChainBlocks(tx, watcherKey, [header]);
  });
  deps.log.info("chain watcher starts", { watcherKey, block: header.number.toString() });
  return cursor;
}

/** Headers after the cursor up to `to`, linked hash to parent; undefined if the chain moved meanwhile. */
async function readBlocks(
  deps: WatchDeps,
  cursor: { blockNumber: bigint; blockHash: string },
  to: bigint,
): Promise<BlockHeader[] | undefined> {
  const headers: BlockHeader[] = [];
  let parent = cursor.blockHash;
  for (let n = cursor.blockNumber + 1n; n <= to; n++) {
    const header = await deps.chain.adapter.block(n);
    if (!header || header.parentHash !== parent) return undefined;
    headers.push(header);
    parent = header.hash;
  }
  return headers;
}

type Transfer = (NativeTransfer & { logIndex: -1 }) | TokenTransfer;

/** Finds the range's transfers to users, records them with the blocks and the cursor, pushes. */
async function recordPass(
  deps: WatchDeps,
  pass: { watcherKey: string; head: bigint; headers: BlockHeader[]; keep: number },
): Promise<number> {
  const first = pass.headers[0] as BlockHeader;
  const last = pass.headers[pass.headers.length - 1] as BlockHeader;
  const assets = await findDepositAssets(deps.db, deps.chain.key);
  const owners = await findDepositAddressOwners(deps.db, deps.chain.key);
  const transfers = await transfersIn(deps, { from: first.number, to: last.number }, assets, [
    ...owners.keys(),
  ]);
  const hashAt = new Map(pass.headers.map((h) => [h.number, h.hash]));
  // A transfer in a block other than the one read: the chain moved; the next pass sees it.
  if (transfers.some((t) => hashAt.get(t.blockNumber) !== t.blockHash)) return 0;
  const found = await depositsOf(deps, { transfers, assets, owners, head: pass.head });
  const changed = await inTransaction(deps.db, async (tx) => {
    const records: DepositRecord[] = [];
    for (const deposit of found) {
      const record = await recordFoundDeposit(tx, deposit);
      if (record) records.push(record);
    }
    await saveChainBlocks(tx, pass.watcherKey, pass.headers);
    await saveChainCursor(tx, pass.watcherKey, { blockNumber: last.number, blockHash: last.hash });
    await pruneChainBlocks(tx, pass.watcherKey, { below: last.number - BigInt(pass.keep) });
    return records;
  });
  const byCode = new Map(assets.map((a) => [a.assetCode, a]));
  for (const record of changed) {
    const asset = byCode.get(record.assetCode);
    if (asset) await pushDeposit(deps, record, asset);
  }
  return changed.length;
}

async function transfersIn(
  deps: WatchDeps,
  range: { from: bigint; to: bigint },
  assets: DepositAsset[],
  addresses: string[],
): Promise<Transfer[]> {
  if (addresses.length === 0) return [];
  const { adapter } = deps.chain;
  const native = assets.some((a) => a.kind === "NATIVE");
  const contracts = assets.flatMap((a) =>
    a.kind === "ERC20" && a.contractAddress ? [a.contractAddress] : [],
  );
  const natives = native ? await adapter.nativeTransfers(range, addresses) : [];
  const topUps = await findGasTopUps(
    deps.db,
    natives.map((t) => t.txHash),
  );
  const tokens =
    contracts.length > 0 ? await adapter.tokenTransfers(range, contracts, addresses) : [];
  return [
    ...natives.filter((t) => !topUps.has(t.txHash)).map((t) => ({ ...t, logIndex: -1 as const })),
    ...tokens,
  ];
}

/** The deposits the transfers make, classified by the asset's rules and the blocklist. */
async function depositsOf(
  deps: WatchDeps,
  input: {
    transfers: Transfer[];
    assets: DepositAsset[];
    owners: Map<string, number>;
    head: bigint;
  },
): Promise<NewDeposit[]> {
  const blocked = await findBlockedSenders(deps.db, deps.chain.key, [
    ...new Set(input.transfers.map((t) => t.from)),
  ]);
  const deposits: NewDeposit[] = [];
  for (const transfer of input.transfers) {
    const asset = assetOf(input.assets, transfer);
    const userId = input.owners.get(transfer.to);
    if (!asset || userId === undefined) continue;
    const amountAtoms = chainToEngineAtoms(transfer.value, asset.decimals, asset.precision);
    const verdict = classifyDeposit(depositRulesOf(asset), {
      amountAtoms,
      senderBlocked: blocked.has(transfer.from),
    });
    deposits.push({
      chainKey: deps.chain.key,
      txHash: transfer.txHash,
      logIndex: transfer.logIndex,
      assetCode: asset.assetCode,
      userId,
      toAddress: transfer.to,
      fromAddress: transfer.from,
      chainAmount: transfer.value,
      amountAtoms,
      blockNumber: transfer.blockNumber,
      blockHash: transfer.blockHash,
      confirmations: confirmationsAt(input.head, transfer.blockNumber),
      ...verdict,
    });
  }
  return deposits;
}

function assetOf(assets: DepositAsset[], transfer: Transfer): DepositAsset | undefined {
  if (transfer.logIndex === -1) return assets.find((a) => a.kind === "NATIVE");
  const contract = (transfer as TokenTransfer).contract.toLowerCase();
  return assets.find((a) => a.kind === "ERC20" && a.contractAddress?.toLowerCase() === contract);
}

/** New confirmation counts of waiting and held deposits, pushed; credits what has enough. */
async function refreshOpenDeposits(deps: WatchDeps, head: bigint): Promise<void> {
  const open = await findOpenDeposits(deps.db, deps.chain.key);
  if (open.length === 0) return;
  const byCode = new Map(
    (await findDepositAssets(deps.db, deps.chain.key)).map((a) => [a.assetCode, a]),
  );
  for (const deposit of open) {
    const asset = byCode.get(deposit.assetCode);
    if (!asset) continue;
    const confirmations = confirmationsAt(head, deposit.blockNumber);
    let record = deposit;
    if (confirmations !== deposit.confirmations) {
      if (!(await updateConfirmations(deps.db, deposit.id, deposit.confirmations, confirmations)))
        continue;
      record = { ...deposit, confirmations };
    }
    if (record.status === "CONFIRMING" && confirmations >= asset.confirmations) {
      await creditDeposit(deps, record, asset);
    } else if (record !== deposit) {
      await pushDeposit(deps, record, asset);
    }
  }
}

/**
 * Walks back from `top` to where the recorded blocks and the chain agree, marks the deposits of
 * the removed blocks, and moves the cursor there. Answers the ancestor's height.
 */
async function undoReorganisation(
  deps: WatchDeps,
  watcherKey: string,
  top: bigint,
): Promise<bigint> {
  const { adapter } = deps.chain;
  const seen = await findChainBlocks(deps.db, watcherKey, top);
  const lowest = [...seen.keys()].reduce((a, b) => (b < a ? b : a), top);
  const floor = lowest > 0n ? lowest - 1n : 0n;
  const ancestor = await commonAncestor(seen, async (n) => (await adapter.block(n))?.hash, floor);
  const header = await adapter.block(ancestor);
  if (!header) throw new Error(`the chain has no block ${ancestor} after a reorganisation`);
  const removed = [...seen].filter(([n]) => n > ancestor).map(([, hash]) => hash);
  const marked = await inTransaction(deps.db, async (tx) => {
    const result = await markDepositsOfDroppedBlocks(tx, deps.chain.key, removed);
    for (const deposit of result.reorgedAfterCredit) {
      await raiseDepositReorgAlert(tx, {
        chainKey: deposit.chainKey,
        assetCode: deposit.assetCode,
        depositId: deposit.id,
        message: `Deposit ${deposit.id} (${deposit.txHash}) was credited, then its block left the chain.`,
      });
    }
    await pruneChainBlocks(tx, watcherKey, { above: ancestor });
    await saveChainBlocks(tx, watcherKey, [header]);
    await saveChainCursor(tx, watcherKey, { blockNumber: header.number, blockHash: header.hash });
    return result;
  });
  deps.log.warn("chain reorganisation: read again from the common ancestor", {
    watcherKey,
    from: top.toString(),
    ancestor: ancestor.toString(),
    dropped: marked.dropped.length,
    reorgedAfterCredit: marked.reorgedAfterCredit.length,
  });
  const byCode = new Map(
    (await findDepositAssets(deps.db, deps.chain.key)).map((a) => [a.assetCode, a]),
  );
  for (const record of marked.dropped) countDepositDecision(record);
  for (const record of [...marked.dropped, ...marked.reorgedAfterCredit]) {
    const asset = byCode.get(record.assetCode);
    if (asset) await pushDeposit(deps, record, asset);
  }
  return ancestor;
}

const minBig = (a: bigint, b: bigint): bigint => (a < b ? a : b);
