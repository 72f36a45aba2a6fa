import { type Market, type MarketStatus, nextMarketStatuses } from "@exchange/contracts/market";
import { parseUnits } from "@exchange/contracts/money";
import { type Command, hashText, RejectCode } from "@exchange/core";
import {
  commandIds,
  type EngineReply,
  EngineTimeoutError,
  stringifyWire,
} from "@exchange/protocol";
import { recordAudit } from "../audit/audit-repository";
import { AppError, AppErrorCode } from "../errors";
import { inTransaction, isUniqueViolation, type Services } from "../services";
import { ENGINE_STATUS, engineMarketConfig } from "./market-config";
import { checkMarketDraft } from "./market-draft";
import type {
  CreateAssetInput,
  CreateMarketInput,
  SetAssetStatusInput,
  StatusChange,
} from "./market-operations-contracts";
import {
  assetExists,
  deleteMarket,
  findAsset,
  findAssetPrecisions,
  findMarketStatus,
  findRunnableStatusChanges,
  findStatusChange,
  findStatusChanges,
  insertAsset,
  insertMarket,
  insertStatusChange,
  moveAssetStatus,
  moveStatusChange,
  type StatusChangeRecord,
} from "./market-operations-repository";

/**
 * Operations' assets and markets (issue 18): create them, and move markets along their life
 * (packages/core market-lifecycle.ts) now or at a time. Every change is an engine command with
 * an id from its business key — the asset's code, the market's configuration, the status
 * change's own id — so a retried request, a rerun job or a restart changes nothing twice. The
 * engine decides; the tables follow it: a new asset or market is written once the engine took it,
 * and a market's status is projected by the worker from the engine's `market.statusChanged`.
 */

export interface StaffCaller {
  staffId: number;
  ip?: string | undefined;
}

/** What running status changes needs: the worker's job has these, not all of `Services`. */
export type MarketOperationServices = Pick<Services, "db" | "engine" | "clock">;

const ENGINE_TIMEOUT_MS = 10_000;
/** A status change may be scheduled up to a year ahead. */
const MAX_SCHEDULE_AHEAD_MS = 366 * 24 * 3_600_000;
/** Changes one job run sends at most; the rest wait for the next run. */
const RUN_BATCH = 50;

async function send(services: MarketOperationServices, command: Command) {
  try {
    return (await services.engine.send(command, { timeoutMs: ENGINE_TIMEOUT_MS })).outcome;
  } catch (error) {
    if (error instanceof EngineTimeoutError) {
      throw new AppError(
        AppErrorCode.ENGINE_UNAVAILABLE,
        "The engine did not answer in time. Look at the markets list before trying again.",
      );
    }
    throw error;
  }
}

type Outcome = EngineReply["outcome"];

function refusal(outcome: Outcome, field: string): AppError {
  const message = outcome.ok ? "" : outcome.message;
  return new AppError(AppErrorCode.INVALID_INPUT, `The engine refused it: ${message}.`, {
    [field]: [message],
  });
}

export async function createAsset(
  services: MarketOperationServices,
  caller: StaffCaller,
  input: CreateAssetInput,
) {
  const taken = () =>
    new AppError(AppErrorCode.INVALID_INPUT, `The asset ${input.code} exists.`, {
      code: [`The asset ${input.code} exists.`],
    });
  if (await assetExists(services.db, input.code)) throw taken();
  const maxAmountAtoms = maxAmountAtomsOf(input);
  const outcome = await send(services, {
    type: "asset.add",
    id: commandIds.addAsset(input.code),
    ts: services.clock.now(),
    code: input.code,
    precision: input.precision,
    maxAmountAtoms,
  });
  if (!outcome.ok)
    throw outcome.code === RejectCode.AssetExists ? taken() : refusal(outcome, "code");
  try {
    await inTransaction(services.db, async (tx) => {
      await insertAsset(tx, input);
      await recordAudit(tx, {
        actor: { kind: "staff", staffId: caller.staffId },
        action: "asset.create",
        target: { type: "asset", id: input.code },
        after: { ...input },
        ip: caller.ip,
      });
    });
  } catch (error) {
    throw isUniqueViolation(error) ? taken() : error;
  }
  return input;
}

/**
 * Suspends an asset (DISABLED: no new deposit is credited, no withdrawal requested) or resumes
 * it (ACTIVE), with the reason audited beside the status before and after. Not an engine
 * command: balances stay as they are, only what the wallet accepts changes.
 */
export async function setAssetStatus(
  services: MarketOperationServices,
  caller: StaffCaller,
  input: SetAssetStatusInput,
) {
  const asset = await findAsset(services.db, input.code);
  if (!asset) throw new AppError(AppErrorCode.NOT_FOUND, `There is no asset ${input.code}.`);
  const already = () =>
    new AppError(AppErrorCode.INVALID_INPUT, `${input.code} is already ${input.status}.`, {
      status: [`${input.code} is already ${input.status}.`],
    });
  if (asset.status === input.status) throw already();
  await inTransaction(services.db, async (tx) => {
    const moved = await moveAssetStatus(tx, {
      code: input.code,
      from: asset.status,
      to: input.status,
    });
    if (!moved) throw already();
    await recordAudit(tx, {
      actor: { kind: "staff", staffId: caller.staffId },
      action: "asset.status.change",
      target: { type: "asset", id: input.code },
      before: { status: asset.status },
      after: { status: input.status, reason: input.reason },
      ip: caller.ip,
    });
  });
  return { ...asset, maxAmount: asset.maxAmount.toString(), status: input.status };
}

function maxAmountAtomsOf(input: CreateAssetInput): bigint {
  try {
    return parseUnits(input.maxAmount, input.precision);
  } catch {
    throw new AppError(AppErrorCode.INVALID_INPUT, "The maximum amount is not valid.", {
      maxAmount: [`At most ${input.precision} decimals.`],
    });
  }
}

export async function createMarket(
  services: MarketOperationServices,
  caller: StaffCaller,
  input: CreateMarketInput,
): Promise<Market> {
  const market = await checkedMarket(services, input);
  const taken = () =>
    new AppError(AppErrorCode.INVALID_INPUT, `The market ${market.symbol} exists.`, {
      baseAsset: [`The market ${market.symbol} exists.`],
    });
  // The row first: the worker formats the market's data from it as soon as the engine announces
  // the market. A refusal removes it; a crash before the engine answered leaves a row that the
  // reference-data sync sends again at the next start, under the same id.
  try {
    await insertMarket(services.db, market);
  } catch (error) {
    throw isUniqueViolation(error) ? taken() : error;
  }
  const { status, ...config } = engineMarketConfig(market);
  // The same id as the reference-data sync gives this row, so a restart's sync is answered from
  // the journal.
  const id = commandIds.addMarket(market.symbol, hashText(stringifyWire(config)));
  const outcome = await send(services, {
    type: "market.add",
    id,
    ts: services.clock.now(),
    ...config,
    status,
  });
  if (!outcome.ok) {
    await deleteMarket(services.db, market.symbol);
    throw outcome.code === RejectCode.MarketExists ? taken() : refusal(outcome, "priceTick");
  }
  await recordAudit(services.db, {
    actor: { kind: "staff", staffId: caller.staffId },
    action: "market.create",
    target: { type: "market", id: market.symbol },
    after: { ...market },
    ip: caller.ip,
  });
  return market;
}

/** The market row the input describes, or INVALID_INPUT with a message per wrong field. */
async function checkedMarket(services: MarketOperationServices, input: CreateMarketInput) {
  const precisions = await findAssetPrecisions(services.db, [input.baseAsset, input.quoteAsset]);
  const base = precisions.get(input.baseAsset);
  const quote = precisions.get(input.quoteAsset);
  if (base === undefined || quote === undefined) {
    const field = base === undefined ? "baseAsset" : "quoteAsset";
    const code = base === undefined ? input.baseAsset : input.quoteAsset;
    throw new AppError(AppErrorCode.INVALID_INPUT, `There is no asset ${code}.`, {
      [field]: [`There is no asset ${code}.`],
    });
  }
  const checked = checkMarketDraft(input, { base, quote });
  if ("fieldErrors" in checked) {
    throw new AppError(
      AppErrorCode.INVALID_INPUT,
      "Some fields need a correction.",
      checked.fieldErrors,
    );
  }
  if ((await findMarketStatus(services.db, checked.market.symbol)) !== null) {
    throw new AppError(AppErrorCode.INVALID_INPUT, `The market ${checked.market.symbol} exists.`, {
      baseAsset: [`The market ${checked.market.symbol} exists.`],
    });
  }
  return checked.market;
}

/** The market's status now, after checking it may move to `status`. */
async function checkMove(
  services: MarketOperationServices,
  target: { symbol: string; status: MarketStatus },
): Promise<MarketStatus> {
  const current = await findMarketStatus(services.db, target.symbol);
  if (current === null) {
    throw new AppError(AppErrorCode.NOT_FOUND, `There is no market ${target.symbol}.`);
  }
  if (!canMove(current, target.status)) {
    throw new AppError(
      AppErrorCode.MARKET_STATE,
      `${target.symbol} cannot move from ${current} to ${target.status}.`,
    );
  }
  return current;
}

function canMove(from: MarketStatus, to: MarketStatus): boolean {
  return nextMarketStatuses(from).includes(to);
}

/**
 * Moves a market to `status` now, through the engine (closing cancels every open order and
 * releases its funds). Answers the change as the engine left it: DONE or REJECTED.
 */
export async function changeMarketStatus(
  services: MarketOperationServices,
  caller: StaffCaller,
  input: { symbol: string; status: MarketStatus },
): Promise<StatusChange> {
  const previous = await checkMove(services, input);
  const change = await inTransaction(services.db, async (tx) => {
    const record = await insertStatusChange(tx, {
      id: crypto.randomUUID(),
      ...input,
      runAt: new Date(services.clock.now()),
      state: "SENDING",
      requestedById: caller.staffId,
    });
    await recordAudit(tx, {
      actor: { kind: "staff", staffId: caller.staffId },
      action: "market.status.change",
      target: { type: "market", id: input.symbol },
      before: { status: previous },
      after: { status: input.status, change: record.id },
      ip: caller.ip,
    });
    return record;
  });
  const done = await runStatusChange(services, change);
  if (done.state === "REJECTED") {
    throw new AppError(AppErrorCode.MARKET_STATE, done.error ?? "The engine refused the change.");
  }
  return done;
}

/** Stores a status change to run at `runAt` (the worker's `market-status-changes` job runs it). */
export async function scheduleMarketStatusChange(
  services: MarketOperationServices,
  caller: StaffCaller,
  input: { symbol: string; status: MarketStatus; runAt: Date },
): Promise<StatusChange> {
  const now = services.clock.now();
  const at = input.runAt.getTime();
  if (!(at > now && at <= now + MAX_SCHEDULE_AHEAD_MS)) {
    throw new AppError(AppErrorCode.INVALID_INPUT, "Choose a time in the coming year.", {
      runAt: ["Choose a time in the future, within a year."],
    });
  }
  // Checked against the status now; the engine checks again against the status then.
  await checkMove(services, input);
  return inTransaction(services.db, async (tx) => {
    const record = await insertStatusChange(tx, {
      id: crypto.randomUUID(),
      ...input,
      state: "PENDING",
      requestedById: caller.staffId,
    });
    await recordAudit(tx, {
      actor: { kind: "staff", staffId: caller.staffId },
      action: "market.status.schedule",
      target: { type: "market", id: input.symbol },
      after: { status: input.status, runAt: input.runAt.toISOString(), change: record.id },
      ip: caller.ip,
    });
    return record;
  });
}

/** Cancels a scheduled change that has not started; MARKET_STATE once it has. */
export async function cancelStatusChange(
  services: MarketOperationServices,
  caller: StaffCaller,
  input: { id: string },
): Promise<StatusChange> {
  await inTransaction(services.db, async (tx) => {
    const record = await findStatusChange(tx, input.id);
    if (record === null) throw new AppError(AppErrorCode.NOT_FOUND, "No such status change.");
    const now = new Date(services.clock.now());
    if (
      !(await moveStatusChange(tx, input.id, "PENDING", { state: "CANCELLED", finishedAt: now }))
    ) {
      throw new AppError(
        AppErrorCode.MARKET_STATE,
        "This change has already run or been cancelled.",
      );
    }
    await recordAudit(tx, {
      actor: { kind: "staff", staffId: caller.staffId },
      action: "market.status.cancel",
      target: { type: "market", id: record.symbol },
      before: { status: record.status, runAt: record.runAt.toISOString(), change: record.id },
      ip: caller.ip,
    });
  });
  return (await findStatusChange(services.db, input.id)) as StatusChangeRecord;
}

export function listStatusChanges(services: MarketOperationServices): Promise<StatusChange[]> {
  return findStatusChanges(services.db, 100);
}

/**
 * Sends every change that is due (and any a crash left sent but unanswered), oldest first; each
 * is taken from PENDING first, so a cancel and a run cannot both win. Answers how many ran.
 */
export async function runDueStatusChanges(services: MarketOperationServices): Promise<number> {
  const due = await findRunnableStatusChanges(
    services.db,
    new Date(services.clock.now()),
    RUN_BATCH,
  );
  let ran = 0;
  for (const change of due) {
    if (
      change.state === "PENDING" &&
      !(await moveStatusChange(services.db, change.id, "PENDING", { state: "SENDING" }))
    ) {
      continue;
    }
    await runStatusChange(services, { ...change, state: "SENDING" });
    ran += 1;
  }
  return ran;
}

/** Sends a SENDING change under its own id and records the engine's verdict. */
async function runStatusChange(
  services: MarketOperationServices,
  change: StatusChangeRecord,
): Promise<StatusChangeRecord> {
  const outcome = await send(services, {
    type: "market.setStatus",
    id: commandIds.setMarketStatus(change.id),
    ts: services.clock.now(),
    symbol: change.symbol,
    status: ENGINE_STATUS[change.status],
  });
  const finishedAt = new Date(services.clock.now());
  const verdict = outcome.ok
    ? { state: "DONE" as const, finishedAt }
    : { state: "REJECTED" as const, error: outcome.message, finishedAt };
  await moveStatusChange(services.db, change.id, "SENDING", verdict);
  return { ...change, error: null, ...verdict };
}
