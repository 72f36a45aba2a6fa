import { RejectCode } from "@exchange/core";
import { pricedContracts } from "@exchange/domains/derivatives/futures-views";
import type { AppError } from "@exchange/domains/errors";
import { findIndexPairs } from "@exchange/domains/lending/index-price-repository";
import { referenceDataCommands, syncReferenceData } from "@exchange/domains/markets/reference-data";
import { closeServices, createServices } from "@exchange/domains/services";
import { eventually } from "@exchange/domains/testing/eventually";
import { depositForTest } from "@exchange/domains/testing/test-funds";
import { staffActor, UNLIMITED_ORDER_RATES } from "@exchange/domains/testing/test-services";
import { createTestUser } from "@exchange/domains/testing/test-users";
import { createEngineSandbox, EngineProcess, WorkerProcess } from "@exchange/testkit";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { callAdminApi, callTraderApi } from "./testing/callers";
import type { Actor, Services } from "./trpc/context";

/**
 * Operations list a perpetual contract from the console (issue 20 §1): the procedure checks the
 * terms, writes the rows, the engine takes `contract.add`, the projector confirms it, traders
 * trade it, and a restart's reference-data sync is answered from the journal. Real engine and
 * worker (projector).
 */

let services: Services;
let engine: EngineProcess;
let worker: WorkerProcess;
let ops: Actor;
let alice: Actor;

const admin = () => callAdminApi(services, ops);
const trader = (actor: Actor) => callTraderApi(services, actor);

async function refusal(call: Promise<unknown>): Promise<AppError> {
  const error = await call.then(
    () => expect.fail("the call was accepted"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  const cause = (error as TRPCError).cause;
  return cause as AppError;
}

/** A contract of `base` with Binance-like terms; fields overridden by `terms`. */
function contractTerms(base: string, terms: Record<string, unknown> = {}) {
  return {
    baseAsset: base,
    priceTick: "0.01",
    lotSize: "0.001",
    minQty: "0.001",
    maxQty: "10000",
    maxPrice: "1000000",
    minNotional: "5",
    maxNotional: "10000000",
    makerFeeRate: "0.0002",
    takerFeeRate: "0.0005",
    status: "TRADING" as const,
    maxLeverage: 50,
    riskTiers: [
      { maxNotional: "50000", maintenanceRate: "0.005", maxLeverage: 50 },
      { maxNotional: "500000", maintenanceRate: "0.01", maxLeverage: 20 },
    ],
    ...terms,
  };
}

async function marketRow(symbol: string) {
  return services.db.market.findUnique({ where: { symbol }, select: { status: true } });
}

beforeAll(async () => {
  const sandbox = await createEngineSandbox("contract-listing");
  engine = await EngineProcess.start(sandbox);
  worker = await WorkerProcess.start(sandbox);
  services = await createServices({ ...sandbox, orderRateLimits: UNLIMITED_ORDER_RATES });
  await syncReferenceData(services.db, services.engine, services.clock.now());
  const staff = await services.db.staff.create({
    data: {
      email: `ops-${crypto.randomUUID()}@test.local`,
      name: "Ops",
      passwordHash: "x",
      roles: ["OPERATIONS"],
    },
    select: { id: true },
  });
  ops = staffActor(staff.id, "OPERATIONS");
  alice = {
    kind: "user",
    userId: (await createTestUser(services.db, { tag: "alice", kycLevel: 1 })).id,
  };
}, 60_000);

afterAll(async () => {
  await closeServices(services);
  await worker?.stop();
  await engine?.kill();
});

describe("operations list a perpetual contract", () => {
  it("the engine takes it, the projector confirms it, a trader funds and orders on it, operations halt it", async () => {
    await admin().markets.createAsset({ code: "LSTA", name: "Listing A", precision: 8 });
    const market = await admin().markets.createContract(contractTerms("LSTA"));
    expect(market).toMatchObject({ symbol: "LSTAUSDT-PERP", status: "TRADING" });

    // The engine's contract.added stamps the terms row the listing wrote.
    const contract = await eventually(async () => {
      const row = await services.db.perpetualContract.findUnique({
        where: { symbol: "LSTAUSDT-PERP" },
      });
      expect(row?.updatedSeq).toBeGreaterThan(0n);
      return row;
    });
    expect(contract).toMatchObject({
      maxLeverage: 50,
      fundingIntervalMs: 8 * 3_600_000,
      fundingCapPpm: 3_000,
      interestPpm: 100,
    });
    const usdt = await services.db.asset.findUniqueOrThrow({ where: { code: "USDT" } });
    expect(contract?.riskTiers).toEqual([
      {
        maxNotionalAtoms: (50_000n * 10n ** BigInt(usdt.precision)).toString(),
        maintenanceMarginPpm: 5_000,
        maxLeverage: 50,
      },
      {
        maxNotionalAtoms: (500_000n * 10n ** BigInt(usdt.precision)).toString(),
        maintenanceMarginPpm: 10_000,
        maxLeverage: 20,
      },
    ]);
    await eventually(async () => {
      const listed = await trader(alice).futures.contracts();
      expect(JSON.stringify(listed)).toContain("LSTAUSDT-PERP");
    });

    const userId = alice.kind === "user" ? alice.userId : 0;
    await depositForTest(services.engine, userId, "USDT", 1_000n * 10n ** BigInt(usdt.precision));
    await trader(alice).futures.transfer({
      asset: "USDT",
      amount: "500",
      direction: "toFutures",
      transferId: crypto.randomUUID(),
    });
    const { order } = await trader(alice).trading.placeOrder({
      symbol: "LSTAUSDT-PERP",
      side: "buy",
      type: "limit",
      price: "100",
      quantity: "1",
    });
    expect(order).toMatchObject({ status: "OPEN" });

    const audit = await services.db.auditLog.findFirst({
      where: { action: "contract.create", targetId: "LSTAUSDT-PERP" },
    });
    expect(audit?.after).toMatchObject({ maxLeverage: 50, fundingCap: "0.003" });

    await admin().markets.setStatus({ symbol: "LSTAUSDT-PERP", status: "HALTED" });
    await eventually(async () => expect((await marketRow("LSTAUSDT-PERP"))?.status).toBe("HALTED"));
    const halted = await refusal(
      trader(alice).trading.placeOrder({
        symbol: "LSTAUSDT-PERP",
        side: "buy",
        type: "limit",
        price: "100",
        quantity: "1",
      }),
    );
    expect(halted.rejectCode).toBe(RejectCode.MarketHalted);
  });

  it("listing twice answers that the contract exists, and changes nothing", async () => {
    await admin().markets.createAsset({ code: "LSTB", name: "Listing B", precision: 8 });
    await admin().markets.createContract(contractTerms("LSTB"));
    const again = await refusal(
      admin().markets.createContract(
        contractTerms("LSTB", {
          maxLeverage: 20,
          riskTiers: [{ maxNotional: "1000", maintenanceRate: "0.01", maxLeverage: 20 }],
        }),
      ),
    );
    expect(again.code).toBe("INVALID_INPUT");
    expect(again.fieldErrors?.baseAsset).toEqual(["The contract LSTBUSDT-PERP exists."]);
    const row = await services.db.perpetualContract.findUnique({
      where: { symbol: "LSTBUSDT-PERP" },
    });
    expect(row?.maxLeverage).toBe(50);
  });

  it("refused terms leave no row: a tier rule on its cell, and the engine's refusal", async () => {
    await admin().markets.createAsset({ code: "LSTC", name: "Listing C", precision: 8 });
    // The schema names the cell (the console shows it there): 2 % at 50× is 100 % of the margin.
    const tiers = await admin()
      .markets.createContract(
        contractTerms("LSTC", {
          riskTiers: [{ maxNotional: "50000", maintenanceRate: "0.02", maxLeverage: 50 }],
        }),
      )
      .then(
        () => expect.fail("the call was accepted"),
        (e: TRPCError) => e.cause as ZodError,
      );
    expect(tiers).toBeInstanceOf(ZodError);
    expect(tiers.issues.map((i) => i.path.join("."))).toEqual(["riskTiers.0.maintenanceRate"]);
    expect(await marketRow("LSTCUSDT-PERP")).toBeNull();

    // An asset the database has and the engine never learnt: only the engine can refuse it.
    await services.db.asset.create({
      data: { code: "LSTD", name: "Not on the engine", precision: 8, maxAmount: "1000000" },
    });
    const engineSaid = await refusal(admin().markets.createContract(contractTerms("LSTD")));
    expect(engineSaid.code).toBe("INVALID_INPUT");
    expect(engineSaid.message).toMatch(/^The engine refused it/);
    expect(await marketRow("LSTDUSDT-PERP")).toBeNull();
    expect(
      await services.db.perpetualContract.findUnique({ where: { symbol: "LSTDUSDT-PERP" } }),
    ).toBeNull();
  });

  it("a restart's reference-data sync sends the listing's own id, answered from the journal", async () => {
    await admin().markets.createAsset({ code: "LSTE", name: "Listing E", precision: 8 });
    await admin().markets.createContract(contractTerms("LSTE"));
    const listedSeq = await eventually(async () => {
      const row = await services.db.perpetualContract.findUnique({
        where: { symbol: "LSTEUSDT-PERP" },
      });
      expect(row?.updatedSeq).toBeGreaterThan(0n);
      return row?.updatedSeq;
    });
    const commands = await referenceDataCommands(services.db, services.clock.now());
    const listing = commands.find((c) => c.type === "contract.add" && c.symbol === "LSTEUSDT-PERP");
    expect(listing?.id).toMatch(/^ref:market:LSTEUSDT-PERP:/);
    const reply = await services.engine.send(listing as NonNullable<typeof listing>, {
      timeoutMs: 10_000,
    });
    // A new id would be journaled anew and refused (the market exists); the journal's answer is
    // the first one: accepted, at the listing's own seq.
    expect(reply.outcome.ok).toBe(true);
    expect(BigInt(reply.seq ?? 0)).toBe(listedSeq);
    await syncReferenceData(services.db, services.engine, services.clock.now());
  });
});

describe("the seed's ETHUSDT-PERP", () => {
  it("is priced from the ETHUSDT index like BTCUSDT-PERP from BTCUSDT's", async () => {
    const priced = await pricedContracts(services);
    const eth = priced.find((c) => c.symbol === "ETHUSDT-PERP");
    expect(eth).toMatchObject({
      underlying: "ETH",
      settle: "USDT",
      fundingIntervalMs: 8 * 3_600_000,
      fundingCapPpm: 3_000,
      interestPpm: 100,
    });
    // The index publisher's pairs: ETH/USDT is among them (a perpetual's own book is not).
    const pairs = await findIndexPairs(services.db, ["USDT"]);
    expect(pairs.map((p) => p.symbol)).toEqual(expect.arrayContaining(["BTCUSDT", "ETHUSDT"]));
    expect(pairs.map((p) => p.symbol)).not.toContain("ETHUSDT-PERP");
  });
});
