import { MarketUnits, parseUnits } from "@exchange/contracts/money";
import type { Command } from "@exchange/core";
import {
  type Clock,
  commandIds,
  type EngineClient,
  type Logger,
  systemClock,
} from "@exchange/protocol";
import type pg from "pg";
import type { Consumer } from "../consumers/consumer";
import { loadMarketScales } from "../market-scales";
import {
  DEMO_FUNDING,
  DEMO_FUTURES,
  DEMO_LOAN_POOLS,
  DEMO_MARKETS,
  LADDER_LEVELS,
  LADDER_SPACING_BPS,
} from "./demo-config";

interface QuotedMarket {
  units: MarketUnits;
  midTicks: bigint;
  quoteLots: bigint;
  takeLots: bigint;
  /** The market whose mid this one takes each round (see `DemoMarket.follows`). */
  follows?: string;
}

/**
 * A demo market for newcomers (`npm run dev`): funds the demo accounts and the loan pools once,
 * then keeps a ladder of quotes around a mid price that wanders at random, and sends a small
 * market order now and then so trades print and candles move. It trades through the engine bus like any client; it
 * is off unless DEMO_MARKET_MAKER=on.
 */
export class MarketMaker implements Consumer {
  readonly name = "market-maker";
  readonly boundedSteps = false;
  readonly batchMax = 1;
  readonly processedSeq = undefined;
  readonly inHand = undefined;
  private stopping = false;
  private wake: (() => void) | undefined;
  private readonly random = Math.random;
  private users: DemoUsers | undefined;
  private markets = new Map<string, QuotedMarket>();
  private tick = 0;

  constructor(
    private readonly deps: {
      pool: pg.Pool;
      engine: EngineClient;
      log: Logger;
      tickMs: number;
      /** The commands' timestamps; the system clock when absent. */
      clock?: Clock;
    },
  ) {}

  async start(): Promise<void> {
    this.users = await this.demoUserIds();
    this.markets = await this.quotedMarkets();
    await this.fundDemoAccounts(this.users);
    await this.fundDemoFutures(this.users);
    await this.fundDemoLoanPools();
    this.deps.log.info("demo market maker started", { markets: [...this.markets.keys()] });
  }

  /** One round of quotes on every market (and a market order every third), then a pause. */
  async step(): Promise<boolean> {
    if (this.stopping) return false;
    const users = this.users as DemoUsers;
    for (const market of this.markets.values()) {
      await this.requote(market, users.maker).catch((error) =>
        this.deps.log.warn("requote failed", { error }),
      );
      if (this.tick % 3 === 0) await this.take(market, users.taker).catch(() => {});
    }
    this.tick++;
    await this.sleep();
    return !this.stopping;
  }

  stop(): void {
    this.stopping = true;
    this.wake?.();
  }

  private async requote(market: QuotedMarket, userId: number): Promise<void> {
    const leader = market.follows === undefined ? undefined : this.markets.get(market.follows);
    if (leader) {
      // The leader's mid in this market's ticks (quote atoms per whole unit, then our tick).
      const atoms = leader.midTicks * leader.units.scale.tickSizeAtoms;
      market.midTicks = max(atoms / market.units.scale.tickSizeAtoms, 1n);
    } else {
      // A mean-free random walk of up to ±0.08 % per tick, in whole ticks.
      const stepBps = BigInt(Math.floor(this.random() * 17) - 8);
      market.midTicks += (market.midTicks * stepBps) / 10_000n;
    }
    const symbol = market.units.scale.symbol;
    await this.send({
      type: "order.cancelAll",
      id: this.id(),
      ts: (this.deps.clock ?? systemClock).now(),
      userId,
      symbol,
    });
    const spacing = max((market.midTicks * LADDER_SPACING_BPS) / 10_000n, 1n);
    const quotes: Promise<unknown>[] = [];
    for (let level = 1; level <= LADDER_LEVELS; level++) {
      for (const side of ["buy", "sell"] as const) {
        const offset = spacing * BigInt(level);
        quotes.push(
          this.send({
            type: "order.place",
            orderType: "limit",
            id: this.id(),
            ts: (this.deps.clock ?? systemClock).now(),
            userId,
            symbol,
            side,
            priceTicks: side === "buy" ? market.midTicks - offset : market.midTicks + offset,
            qtyLots: market.quoteLots * BigInt(1 + Math.floor(this.random() * 6)),
            postOnly: true,
          }),
        );
      }
    }
    await Promise.all(quotes);
  }

  private async take(market: QuotedMarket, userId: number): Promise<void> {
    const side = this.random() < 0.5 ? "buy" : "sell";
    const spacing = max((market.midTicks * LADDER_SPACING_BPS) / 10_000n, 1n);
    await this.send({
      type: "order.place",
      orderType: "market",
      id: this.id(),
      ts: (this.deps.clock ?? systemClock).now(),
      userId,
      symbol: market.units.scale.symbol,
      side,
      qtyLots: 1n + BigInt(Math.floor(this.random() * Number(market.takeLots))),
      priceLimitTicks:
        side === "buy" ? market.midTicks + spacing * 3n : market.midTicks - spacing * 3n,
    });
  }

  /** Deposits with fixed business keys: applied once, however often the job starts. */
  private async fundDemoAccounts(users: DemoUsers): Promise<void> {
    const precisions = await this.assetPrecisions();
    for (const [email, assets] of Object.entries(DEMO_FUNDING)) {
      const userId = users.byEmail.get(email);
      if (userId === undefined) continue;
      for (const [asset, amount] of Object.entries(assets)) {
        const precision = precisions.get(asset);
        if (precision === undefined) continue;
        await this.retryUntilAccepted({
          type: "balance.deposit",
          id: this.id(),
          ts: (this.deps.clock ?? systemClock).now(),
          business: "demo-funding",
          businessId: `${email}:${asset}`,
          userId,
          asset,
          amountAtoms: parseUnits(amount, precision),
        });
      }
    }
  }

  /** USDT into the demo accounts' futures wallets, with fixed transfer ids. */
  private async fundDemoFutures(users: DemoUsers): Promise<void> {
    const precision = (await this.assetPrecisions()).get("USDT");
    if (precision === undefined) return;
    for (const [email, amount] of Object.entries(DEMO_FUTURES)) {
      const userId = users.byEmail.get(email);
      if (userId === undefined) continue;
      await this.retryUntilAccepted({
        type: "futures.transfer",
        id: this.id(),
        ts: (this.deps.clock ?? systemClock).now(),
        business: "demo-funding",
        businessId: `futures:${email}`,
        userId,
        asset: "USDT",
        amountAtoms: parseUnits(amount, precision),
        direction: "toFutures",
      });
    }
  }

  /** The loan pools' opening funds, from the operator account, with fixed business keys. */
  private async fundDemoLoanPools(): Promise<void> {
    const precisions = await this.assetPrecisions();
    for (const [asset, amount] of Object.entries(DEMO_LOAN_POOLS)) {
      const precision = precisions.get(asset);
      if (precision === undefined) continue;
      await this.retryUntilAccepted({
        type: "balance.transfer",
        id: this.id(),
        ts: (this.deps.clock ?? systemClock).now(),
        business: "demo-funding",
        businessId: `loan-pool:${asset}`,
        asset,
        amountAtoms: parseUnits(amount, precision),
        from: { system: "operator" },
        to: { system: "loan" },
      });
    }
  }

  /** Reference data may reach the engine just after this job starts: wait for it. */
  private async retryUntilAccepted(command: Command): Promise<void> {
    while (!this.stopping) {
      const reply = await this.deps.engine.send(
        { ...command, id: this.id() },
        { timeoutMs: 30_000 },
      );
      if (reply.outcome.ok) return;
      await this.sleep();
    }
  }

  private async send(command: Command) {
    return this.deps.engine.send(command, { timeoutMs: 10_000 });
  }

  private async quotedMarkets(): Promise<Map<string, QuotedMarket>> {
    const scales = await loadMarketScales(this.deps.pool);
    const markets = new Map<string, QuotedMarket>();
    for (const [symbol, demo] of Object.entries(DEMO_MARKETS)) {
      const scale = scales.get(symbol);
      if (!scale) continue;
      const units = new MarketUnits(scale);
      markets.set(symbol, {
        units,
        midTicks: (await this.lastTradeTicks(symbol)) ?? units.parsePrice(demo.startPrice),
        quoteLots: units.parseQuantity(demo.quoteSize),
        takeLots: units.parseQuantity(demo.takeSize),
        ...(demo.follows === undefined ? {} : { follows: demo.follows }),
      });
    }
    return markets;
  }

  private async lastTradeTicks(symbol: string): Promise<bigint | undefined> {
    const { rows } = await this.deps.pool.query<{ price: string }>(
      "SELECT price_ticks::text AS price FROM trades WHERE symbol = $1 ORDER BY trade_id DESC LIMIT 1",
      [symbol],
    );
    return rows[0] ? BigInt(rows[0].price) : undefined;
  }

  private async assetPrecisions(): Promise<Map<string, number>> {
    const { rows } = await this.deps.pool.query<{ code: string; precision: number }>(
      "SELECT code, precision FROM assets",
    );
    return new Map(rows.map((r) => [r.code, r.precision]));
  }

  private async demoUserIds(): Promise<DemoUsers> {
    const { rows } = await this.deps.pool.query<{ id: number; email: string }>(
      "SELECT id, email FROM users WHERE email = ANY($1::text[])",
      [Object.keys(DEMO_FUNDING)],
    );
    const byEmail = new Map(rows.map((r) => [r.email, r.id]));
    const maker = byEmail.get("market-maker@exchange.local");
    const taker = byEmail.get("order-flow@exchange.local");
    if (maker === undefined || taker === undefined)
      throw new Error("demo accounts are missing: run the seed");
    return { byEmail, maker, taker };
  }

  private id(): string {
    return commandIds.demo();
  }

  private sleep(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
      setTimeout(resolve, this.deps.tickMs).unref();
    });
  }
}

interface DemoUsers {
  byEmail: Map<string, number>;
  maker: number;
  taker: number;
}

const max = (a: bigint, b: bigint) => (a > b ? a : b);
