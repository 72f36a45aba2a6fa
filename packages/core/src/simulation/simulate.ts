import type { Command } from "../commands";
import type { CommandResult } from "../events";
import { ExchangeCore } from "../exchange-core";
import { AuditFailure, Auditor } from "./auditor";
import { CommandGenerator, setupCommands } from "./command-generator";
import { Prng } from "./prng";

/**
 * The seeded simulation (in the spirit of exchange-core's tests and TigerBeetle's VOPR): random
 * commands go to two cores, one on the fast book and one on the naive reference book. After
 * every command their results must be identical and the auditor's invariants must hold. At
 * each checkpoint the whole state is audited, both cores must hash the same, and then one core
 * is replaced by a restore of the other's snapshot (through a JSON round trip), alternating
 * sides: from there on, restored and never-restored state must keep producing identical events.
 */

export interface SimulationOptions {
  seed: number;
  ops: number;
  /** Full audit, hash comparison and snapshot / restore every this many operations. */
  checkpointEvery?: number;
  /** Skip the snapshot / restore at checkpoints (to compare outcomes with and without). */
  noRestore?: boolean;
  /** Called at every checkpoint with the number of operations done. */
  onCheckpoint?: (done: number) => void;
}

export interface SimulationReport {
  seed: number;
  ops: number;
  accepted: number;
  rejected: number;
  trades: number;
  /** Savings commands: accepted (repeats of a key apart), repeated, and rejected by code. */
  savings: { accepted: number; repeated: number; rejected: Record<number, number> };
  /**
   * Lending commands the same way, with the loans opened, closed by repayment, liquidated
   * (with a surplus returned, with a shortfall paid by insurance) and the liquidation fills.
   */
  lending: {
    accepted: number;
    repeated: number;
    rejected: Record<number, number>;
    opened: number;
    closed: number;
    liquidated: number;
    surpluses: number;
    shortfalls: number;
    fills: number;
  };
  /**
   * Stop, OCO and amend traffic: stop orders and OCO lists accepted, orders triggered (cascades
   * counted when one command triggered more than one), amendments that kept or lost priority,
   * cancellations of an OCO's other order, and rejections of these commands by code.
   */
  conditional: {
    stopsAccepted: number;
    ocosAccepted: number;
    triggered: number;
    cascades: number;
    amendsKept: number;
    amendsReplaced: number;
    ocoCancels: number;
    rejected: Record<number, number>;
  };
  /**
   * Perpetuals traffic: commands accepted (repeats of a key apart), repeated and rejected by
   * code; fills of the contract; positions liquidated, those the book closed (in part) and
   * those auto-deleveraging closed (in part), liquidations the insurance fund paid for; funding
   * settlements, and deleveraged counterparties.
   */
  perps: {
    accepted: number;
    repeated: number;
    rejected: Record<number, number>;
    fills: number;
    liquidated: number;
    throughBook: number;
    deleveraged: number;
    counterparties: number;
    insurancePaid: number;
    /** Ordinary fills past a position's bankruptcy price whose loss the insurance fund paid. */
    fillShortfalls: number;
    fundings: number;
    /** Stop and take-profit orders accepted on the contract, reduce-only ones among them. */
    stopsAccepted: number;
    reduceOnlyStops: number;
    /** Stop orders on the contract triggered, and waiting ones cancelled as their position closed. */
    stopTriggers: number;
    positionClosedCancels: number;
  };
  checkpoints: number;
  restores: number;
  finalHash: string;
}

/** A broken invariant or a divergence, with everything needed to reproduce it. */
export class SimulationFailure extends Error {
  readonly seed: number;
  readonly opIndex: number;

  constructor(seed: number, opIndex: number, command: Command | null, reason: string) {
    super(`seed ${seed}, operation ${opIndex}: ${reason}\n  command: ${describe(command)}`);
    this.name = "SimulationFailure";
    this.seed = seed;
    this.opIndex = opIndex;
  }
}

export function describe(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? `${v}n` : v));
}

/** Deep equality of plain data (objects, arrays, primitives, bigints), allocation-free. */
export function isSame(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!isSame(a[i], b[i])) return false;
    return true;
  }
  let count = 0;
  for (const key in a) {
    count++;
    if (!isSame((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
      return false;
  }
  for (const _key in b) count--;
  return count === 0;
}

/** Path of the first difference between two results, or null when they are identical. */
export function firstDifference(a: unknown, b: unknown, path = "result"): string | null {
  if (a === b) return null;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return path;
  if (Array.isArray(a) !== Array.isArray(b)) return path;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return `${path} (keys ${keysA} vs ${keysB})`;
  for (const key of keysA) {
    const diff = firstDifference(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      `${path}.${key}`,
    );
    if (diff !== null) return diff;
  }
  return null;
}

/** A derivatives command, or an order command on a perpetual contract. */
function isPerpetual(command: Command): boolean {
  if (/^(futures|contract|position|mark|funding)\./.test(command.type)) return true;
  return (
    "symbol" in command && typeof command.symbol === "string" && command.symbol.endsWith("-PERP")
  );
}

function roundTrip(core: ExchangeCore, book: "fast" | "naive"): ExchangeCore {
  return ExchangeCore.restore(JSON.parse(JSON.stringify(core.snapshot())), { book });
}

class Simulation {
  fast = new ExchangeCore({ book: "fast" });
  naive = new ExchangeCore({ book: "naive" });
  readonly auditor = new Auditor();
  readonly report: SimulationReport;

  constructor(readonly options: SimulationOptions) {
    this.report = {
      seed: options.seed,
      ops: options.ops,
      accepted: 0,
      rejected: 0,
      trades: 0,
      savings: { accepted: 0, repeated: 0, rejected: {} },
      lending: {
        accepted: 0,
        repeated: 0,
        rejected: {},
        opened: 0,
        closed: 0,
        liquidated: 0,
        surpluses: 0,
        shortfalls: 0,
        fills: 0,
      },
      conditional: {
        stopsAccepted: 0,
        ocosAccepted: 0,
        triggered: 0,
        cascades: 0,
        amendsKept: 0,
        amendsReplaced: 0,
        ocoCancels: 0,
        rejected: {},
      },
      perps: {
        accepted: 0,
        repeated: 0,
        rejected: {},
        fills: 0,
        liquidated: 0,
        throughBook: 0,
        deleveraged: 0,
        counterparties: 0,
        insurancePaid: 0,
        fillShortfalls: 0,
        fundings: 0,
        stopsAccepted: 0,
        reduceOnlyStops: 0,
        stopTriggers: 0,
        positionClosedCancels: 0,
      },
      checkpoints: 0,
      restores: 0,
      finalHash: "",
    };
  }

  /** Tallies the stop, OCO and amend traffic of one command (see `SimulationReport`). */
  private countConditional(command: Command, result: CommandResult): void {
    const tally = this.report.conditional;
    const isStop =
      command.type === "order.place" &&
      (command.orderType === "stopLimit" || command.orderType === "takeProfitLimit");
    const isNew = isStop || command.type === "order.placeOco" || command.type === "order.amend";
    if (!result.accepted) {
      if (isNew) tally.rejected[result.code] = (tally.rejected[result.code] ?? 0) + 1;
      return;
    }
    if (isStop) tally.stopsAccepted++;
    if (command.type === "order.placeOco") tally.ocosAccepted++;
    let triggered = 0;
    for (const event of result.events) {
      if (event.type === "order.triggered") triggered++;
      else if (event.type === "order.amended") {
        if (event.keptPriority) tally.amendsKept++;
        else tally.amendsReplaced++;
      } else if (event.type === "order.cancelled" && event.reason === "oco") tally.ocoCancels++;
    }
    tally.triggered += triggered;
    if (triggered > 1) tally.cascades++;
  }

  fail(index: number, command: Command | null, reason: string): never {
    throw new SimulationFailure(this.options.seed, index, command, reason);
  }

  step(index: number, command: Command): CommandResult {
    this.auditor.beforeCommand(this.fast, command);
    const result = this.fast.apply(command);
    const reference = this.naive.apply(command);
    if (!isSame(result, reference)) {
      this.fail(
        index,
        command,
        `fast and naive books differ at ${firstDifference(result, reference)}`,
      );
    }
    try {
      this.auditor.checkCommand(this.fast, command, result);
    } catch (error) {
      if (error instanceof AuditFailure) this.fail(index, command, error.message);
      throw error;
    }
    if (result.accepted) this.report.accepted++;
    else this.report.rejected++;
    for (const event of result.events) if (event.type === "trade") this.report.trades++;
    this.countConditional(command, result);
    if (command.type.startsWith("savings.")) {
      const savings = this.report.savings;
      if (!result.accepted)
        savings.rejected[result.code] = (savings.rejected[result.code] ?? 0) + 1;
      else if (result.repeated) savings.repeated++;
      else savings.accepted++;
    }
    if (/^(loan|index)\./.test(command.type)) this.countLending(command, result);
    if (isPerpetual(command)) this.countPerps(command, result);
    this.report.perps.fillShortfalls = this.auditor.perps.fillShortfalls;
    return result;
  }

  /** Tallies one perpetuals command (see `SimulationReport`). */
  private countPerps(command: Command, result: CommandResult): void {
    const tally = this.report.perps;
    if (!result.accepted) {
      tally.rejected[result.code] = (tally.rejected[result.code] ?? 0) + 1;
      return;
    }
    if (result.repeated) {
      tally.repeated++;
      return;
    }
    tally.accepted++;
    if (
      command.type === "order.place" &&
      (command.orderType === "stopLimit" || command.orderType === "takeProfitLimit")
    ) {
      tally.stopsAccepted++;
      if (command.reduceOnly === true) tally.reduceOnlyStops++;
    }
    for (const event of result.events) {
      if (event.type === "trade" && event.symbol.endsWith("-PERP")) tally.fills++;
      else if (event.type === "order.triggered" && event.symbol.endsWith("-PERP"))
        tally.stopTriggers++;
      else if (event.type === "order.cancelled" && event.reason === "positionClosed")
        tally.positionClosedCancels++;
      else if (event.type === "funding.settled") tally.fundings++;
      else if (event.type === "position.deleveraged") tally.counterparties++;
      else if (event.type === "position.liquidated") {
        tally.liquidated++;
        if (event.bookLots > 0n) tally.throughBook++;
        if (event.deleveragedLots > 0n) tally.deleveraged++;
        if (event.insuranceAtoms < 0n) tally.insurancePaid++;
      }
    }
  }

  /** Tallies one lending command (see `SimulationReport`). */
  private countLending(command: Command, result: CommandResult): void {
    const tally = this.report.lending;
    if (!result.accepted) {
      tally.rejected[result.code] = (tally.rejected[result.code] ?? 0) + 1;
      return;
    }
    if (result.repeated) {
      tally.repeated++;
      return;
    }
    tally.accepted++;
    if (command.type === "loan.open") tally.opened++;
    for (const event of result.events) {
      if (event.type === "trade") tally.fills++;
      if (event.type === "loan.changed" && event.status === "closed") tally.closed++;
      if (event.type === "loan.changed" && event.status === "liquidated") tally.liquidated++;
      if (event.type !== "balance.changed" || event.cause !== "loan.liquidationSell") continue;
      for (const p of event.postings) {
        if (p.account === "insurance") tally.shortfalls++;
      }
      if (event.postings.some((p) => p.account === "loanCollateral" && p.amountAtoms < 0n)) {
        const surplus = event.postings.some(
          (p) =>
            p.account === "available" &&
            p.amountAtoms > 0n &&
            p.asset !== "BTC" &&
            p.asset !== "ETH",
        );
        if (surplus && event.postings.some((p) => p.account === "loan")) tally.surpluses++;
      }
    }
  }

  checkpoint(index: number): void {
    this.report.checkpoints++;
    try {
      this.auditor.auditAll(this.fast);
    } catch (error) {
      if (error instanceof AuditFailure) this.fail(index, null, error.message);
      throw error;
    }
    const hash = this.fast.stateHash();
    if (this.naive.stateHash() !== hash)
      this.fail(index, null, "fast and naive states hash differently");
    if (this.options.noRestore) return;
    // Alternate which side is rebuilt so both restore paths run.
    const rebuildNaive = this.report.checkpoints % 2 === 1;
    if (rebuildNaive) this.naive = roundTrip(this.fast, "naive");
    else this.fast = roundTrip(this.naive, "fast");
    this.report.restores++;
    if ((rebuildNaive ? this.naive : this.fast).stateHash() !== hash) {
      this.fail(index, null, "a restored core hashes differently from the state it came from");
    }
  }
}

export function runSimulation(options: SimulationOptions): SimulationReport {
  const sim = new Simulation(options);
  const every = options.checkpointEvery ?? 10_000;
  const setup = setupCommands();
  setup.forEach((command, i) => {
    if (!sim.step(-setup.length + i, command).accepted)
      sim.fail(i, command, "setup command rejected");
  });
  const generator = new CommandGenerator(new Prng(options.seed), options.ops);
  for (let i = 0; i < options.ops; i++) {
    const command = generator.next();
    const result = sim.step(i, command);
    generator.observe(command, result, (orderId) => sim.fast.order(orderId) !== undefined);
    if ((i + 1) % every === 0 || i + 1 === options.ops) {
      sim.checkpoint(i);
      options.onCheckpoint?.(i + 1);
    }
  }
  sim.report.finalHash = sim.fast.stateHash();
  return sim.report;
}
