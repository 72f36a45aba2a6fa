import { channels } from "@exchange/contracts/channels";
import type { LoanPushWire } from "@exchange/contracts/lending";
import type { FuturesWalletPushWire, PositionPushWire } from "@exchange/contracts/position";
import type { Journal } from "@exchange/journal";
import { type BusKeys, type Logger, streamBusChannel } from "@exchange/protocol";
import type { Redis } from "ioredis";
import type pg from "pg";
import type { Consumer, EntryRange } from "../consumer";
import { OutcomeSource } from "./outcome-source";
import { type ProjectionChanges, projectOutcomes } from "./project-outcomes";
import { readProjectorOffset, writeProjection } from "./projection-writer";

export interface ProjectorDeps {
  pool: pg.Pool;
  redis: Redis;
  keys: BusKeys;
  journal: Journal;
  log: Logger;
  /**
   * Where each stored change is pushed to its user (loans and futures wallets on `@account`,
   * positions on `@position`): a connection of its own, as `redis` blocks on the events stream.
   * Without it (benchmarks, tests) none is pushed.
   */
  userPushes?: { redis: Redis; redisPrefix: string };
}

/**
 * How long a read that brought only a few outcomes keeps gathering more. Under a light load the
 * engine publishes a batch per command or two; a read-model transaction of eight statements for
 * each took a whole core at 1 000 orders/s. Gathering for a moment makes it one transaction per
 * few dozen commands, and the read models are at most this much later.
 */
const GATHER_MS = 20;

interface ProjectionBatch {
  entries: EntryRange;
  changes: ProjectionChanges;
}

/**
 * Keeps the read models (orders, trades, account balances, ledger postings) in step with the
 * engine. Resumes from its offset in the database, so a restart neither skips nor repeats; a
 * batch that cannot be stored leaves the offset where it was, and is taken again on retry.
 */
export class Projector implements Consumer {
  readonly name = "projector";
  readonly boundedSteps = true;
  /** Most outcomes folded into one read-model transaction. */
  readonly batchMax = 5_000;
  private stopping = false;
  private offset = 0;
  private source: OutcomeSource | undefined;
  private entries: EntryRange | undefined;
  /** The batch after the one being written, read ahead. */
  private ahead: Promise<ProjectionBatch | undefined> | undefined;

  constructor(private readonly deps: ProjectorDeps) {}

  /** The last seq applied to the read models. */
  get projectedSeq(): number {
    return this.offset;
  }

  get processedSeq(): number {
    return this.offset;
  }

  get inHand(): EntryRange | undefined {
    return this.entries;
  }

  async start(): Promise<void> {
    this.entries = undefined;
    this.ahead = undefined;
    this.offset = await readProjectorOffset(this.deps.pool);
    this.source = new OutcomeSource(this.deps, this.offset + 1);
    this.deps.log.info("projector started", { fromSeq: this.offset + 1 });
  }

  async step(maxEntries: number): Promise<boolean> {
    if (this.stopping) return false;
    const batch = await (this.ahead ?? this.readBatch(maxEntries));
    this.ahead = undefined;
    if (!batch) return !this.stopping;
    this.entries = batch.entries;
    // The next batch is read and folded while this one is written: the database stores one
    // while this process parses the other. A failure below discards it (start() reads again).
    this.ahead = this.readBatch(maxEntries);
    this.ahead.catch(() => {});
    await writeProjection(this.deps.pool, batch.changes, this.offset);
    this.offset = batch.changes.lastSeq;
    await this.pushLoanChanges(batch.changes);
    await this.pushPositionChanges(batch.changes);
    this.entries = undefined;
    this.deps.log.debug("projected", { fromSeq: batch.entries.fromSeq, seq: this.offset });
    return !this.stopping;
  }

  /**
   * Tells each borrower whose loan the batch changed, after the commit, so a page re-reading on
   * the push reads the new state. Best effort: a lost push is repaired by the page's re-read on
   * reconnect, and never holds the read models back.
   */
  private async pushLoanChanges({ loans }: ProjectionChanges): Promise<void> {
    const target = this.deps.userPushes;
    if (!target || loans.size === 0) return;
    const pipeline = target.redis.pipeline();
    for (const loan of loans.values()) {
      const push: LoanPushWire = { kind: "loan", loanId: loan.loanId, status: loan.status };
      const bus = channels.user(loan.userId, "account");
      pipeline.publish(streamBusChannel(target.redisPrefix, bus), JSON.stringify(push));
    }
    await pipeline.exec().catch((error: unknown) => {
      this.deps.log.warn("projector: loan pushes failed", { error });
    });
  }

  /**
   * Tells each trader whose perpetual position the batch changed, on `@position`, and whose
   * futures wallet it changed, on `@account`, after the commit (best effort, as the loan pushes:
   * the page re-reads on reconnect).
   */
  private async pushPositionChanges({
    positions,
    futuresWallets,
  }: ProjectionChanges): Promise<void> {
    const target = this.deps.userPushes;
    if (!target || positions.size + futuresWallets.size === 0) return;
    const pipeline = target.redis.pipeline();
    const publish = (userId: number, topic: "position" | "account", push: object) =>
      pipeline.publish(
        streamBusChannel(target.redisPrefix, channels.user(userId, topic)),
        JSON.stringify(push),
      );
    for (const position of positions.values()) {
      const push: PositionPushWire = {
        kind: "position",
        symbol: position.symbol,
        qtyLots: position.qtyLots.toString(),
        costAtoms: position.costAtoms.toString(),
        mode: position.mode === "CROSS" ? "cross" : "isolated",
        leverage: position.leverage,
        isolatedMarginAtoms: position.isolatedMarginAtoms.toString(),
        realisedPnlAtoms: position.realisedPnlAtoms.toString(),
        liquidationPriceTicks: position.liquidationPriceTicks?.toString() ?? null,
      };
      publish(position.userId, "position", push);
    }
    for (const wallet of futuresWallets.values()) {
      const push: FuturesWalletPushWire = {
        kind: "futuresWallet",
        asset: wallet.asset,
        walletAtoms: wallet.walletAtoms.toString(),
      };
      publish(wallet.userId, "account", push);
    }
    await pipeline.exec().catch((error: unknown) => {
      this.deps.log.warn("projector: position pushes failed", { error });
    });
  }

  /** The next outcomes from the source, folded into read-model changes; none when idle. */
  private async readBatch(maxEntries: number): Promise<ProjectionBatch | undefined> {
    const source = this.source as OutcomeSource;
    const records = await source.next(maxEntries);
    const gatherUntil = performance.now() + GATHER_MS;
    while (records.length > 0 && records.length < maxEntries && !this.stopping) {
      const left = gatherUntil - performance.now();
      if (left <= 0) break;
      for (const record of await source.next(maxEntries - records.length, left))
        records.push(record);
    }
    const first = records[0];
    const last = records.at(-1);
    if (!first || !last) return undefined;
    return {
      entries: { fromSeq: first.seq, toSeq: last.seq },
      changes: projectOutcomes(records),
    };
  }

  stop(): void {
    this.stopping = true;
  }
}
