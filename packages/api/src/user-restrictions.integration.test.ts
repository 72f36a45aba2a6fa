/**
 * Compliance's restrictions as the people involved notice them: a trader whose trading is frozen
 * is refused through the web API and through the trading gateway (Binance's -2010) within a
 * second, may still cancel, and trades again once it is lifted; a frozen withdrawal is refused;
 * a suspended trader's API key stops working. Real engine, gateway process, Postgres and Redis.
 */
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AppErrorCode } from "@exchange/domains/errors";
import { assertWithdrawalsAllowed } from "@exchange/domains/identity/restrictions";
import { base32Decode, totpCode } from "@exchange/domains/identity/totp";
import { syncReferenceData } from "@exchange/domains/markets/reference-data";
import { closeServices, createServices, type Services } from "@exchange/domains/services";
import { staffActor, UNLIMITED_ORDER_RATES } from "@exchange/domains/testing/test-services";
import { createTestUser, signInTestUser } from "@exchange/domains/testing/test-users";
import { createEngineSandbox, EngineProcess, GatewayProcess } from "@exchange/testkit";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BinanceCredentials, signedCall } from "./testing/binance-client";
import { callAdminApi, callTraderApi } from "./testing/callers";

let services: Services;
let engine: EngineProcess;
let gateway: GatewayProcess;
let complianceId: number;

const ORDER = {
  symbol: "BTCUSDT",
  side: "buy",
  type: "limit",
  price: "1000",
  quantity: "0.01",
  timeInForce: "GTC",
} as const;

async function fund(userId: number) {
  const reply = await services.engine.send({
    type: "balance.deposit",
    id: `test-deposit:${userId}:${crypto.randomUUID()}`,
    ts: Date.now(),
    business: "test-deposit",
    businessId: crypto.randomUUID(),
    userId,
    asset: "USDT",
    amountAtoms: 100_000n * 10n ** 8n,
  });
  expect(reply.outcome.ok).toBe(true);
}

/** A funded, verified trader signed in to the web API, with an Ed25519 trading key. */
async function trader(tag: string) {
  const user = await createTestUser(services.db, { tag, kycLevel: 1 });
  await fund(user.id);
  const api = callTraderApi(services, await signInTestUser(services, user.id));
  const totp = base32Decode((await api.security.beginTwoFactor()).secret);
  await api.security.confirmTwoFactor({ code: totpCode(totp, Date.now()) });
  await services.db.user.update({ where: { id: user.id }, data: { totpLastStep: null } });
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const created = await api.apiKeys.create({
    label: tag,
    trade: true,
    withdraw: false,
    ipAllowList: [],
    expiresInDays: null,
    code: totpCode(totp, Date.now()),
    kind: "ED25519",
    publicKey: publicKey.export({ format: "pem", type: "spki" }).toString(),
  });
  const key: BinanceCredentials = { kind: "ED25519", apiKey: created.key.apiKey, privateKey };
  return { userId: user.id, api, key };
}

function compliance() {
  return callAdminApi(services, staffActor(complianceId, "COMPLIANCE"));
}

function gatewayOrder(key: BinanceCredentials) {
  return signedCall(gateway.url, key, "POST", "/api/v3/order", {
    symbol: "BTCUSDT",
    side: "BUY",
    type: "LIMIT",
    timeInForce: "GTC",
    price: "1000",
    quantity: "0.01",
  });
}

beforeAll(async () => {
  const sandbox = await createEngineSandbox("user-restrictions");
  engine = await EngineProcess.start(sandbox);
  services = await createServices({
    ...sandbox,
    documentStorageDir: mkdtempSync(join(tmpdir(), "exchange-restrictions-")),
    orderRateLimits: UNLIMITED_ORDER_RATES,
    ...(process.env.TWO_FACTOR_KEY ? { twoFactorKey: process.env.TWO_FACTOR_KEY } : {}),
  });
  await syncReferenceData(services.db, services.engine, services.clock.now());
  gateway = await GatewayProcess.start(sandbox, { TRUSTED_PROXY_HOPS: "1" });
  const staff = await services.db.staff.create({
    data: {
      email: `compliance-${crypto.randomUUID()}@exchange.local`,
      name: "Compliance",
      passwordHash: "x",
      roles: ["COMPLIANCE"],
    },
  });
  complianceId = staff.id;
}, 120_000);

afterAll(async () => {
  await gateway?.stop();
  await closeServices(services);
  await engine?.kill();
});

describe("trading frozen", () => {
  it("refuses new orders on the web API and the gateway within a second, allows cancels, and lift restores", async () => {
    const alice = await trader("frozen-alice");
    const open = await alice.api.trading.placeOrder(ORDER);
    expect((await gatewayOrder(alice.key)).status).toBe(200);

    const frozenAt = Date.now();
    const after = await compliance().users.restrictions.set({
      userId: alice.userId,
      kind: "TRADING",
      reason: "Suspicious trading pattern under review.",
    });
    expect(after.restrictions).toMatchObject([{ kind: "TRADING" }]);

    // The gateway is another process: it hears the freeze and refuses within a second.
    let answer = await gatewayOrder(alice.key);
    while (answer.status === 200 && Date.now() - frozenAt < 1_000)
      answer = await gatewayOrder(alice.key);
    expect(Date.now() - frozenAt).toBeLessThan(1_000);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ code: -2010, msg: "This action is disabled on this account." });

    await expect(alice.api.trading.placeOrder(ORDER)).rejects.toMatchObject({
      code: "FORBIDDEN",
      cause: { code: AppErrorCode.TRADING_FROZEN },
    });
    await expect(alice.api.me.restrictions()).resolves.toEqual({
      tradingFrozen: true,
      withdrawalsFrozen: false,
    });
    await expect(
      alice.api.trading.amendOrder({
        symbol: "BTCUSDT",
        orderId: open.order.orderId,
        price: "1001",
      }),
    ).rejects.toMatchObject({ cause: { code: AppErrorCode.TRADING_FROZEN } });
    // A frozen trader may still reduce risk.
    await expect(
      alice.api.trading.cancelOrder({ symbol: "BTCUSDT", orderId: open.order.orderId }),
    ).resolves.toBeDefined();

    await compliance().users.restrictions.lift({
      userId: alice.userId,
      kind: "TRADING",
      reason: "Review closed, nothing found.",
    });
    await expect(alice.api.trading.placeOrder(ORDER)).resolves.toBeDefined();
    let lifted = await gatewayOrder(alice.key);
    const liftedAt = Date.now();
    while (lifted.status !== 200 && Date.now() - liftedAt < 1_000)
      lifted = await gatewayOrder(alice.key);
    expect(lifted.status).toBe(200);
  });

  it("audits each change with the state before and after, the reason and the staff's address", async () => {
    const bob = await trader("audited-bob");
    await compliance().users.restrictions.set({
      userId: bob.userId,
      kind: "TRADING",
      reason: "Set for the audit test.",
    });
    // Setting it again changes nothing and writes nothing.
    await compliance().users.restrictions.set({
      userId: bob.userId,
      kind: "TRADING",
      reason: "A second time.",
    });
    await compliance().users.restrictions.lift({
      userId: bob.userId,
      kind: "TRADING",
      reason: "Lifted for the audit test.",
    });
    const entries = await services.db.auditLog.findMany({
      where: {
        targetType: "user",
        targetId: String(bob.userId),
        action: { startsWith: "user.restrict" },
      },
      orderBy: { id: "asc" },
    });
    expect(entries.map((e) => [e.action, e.actorId, e.ip])).toEqual([
      ["user.restricted", String(complianceId), "127.0.0.1"],
      ["user.restriction_lifted", String(complianceId), "127.0.0.1"],
    ]);
    expect(entries[0]?.before).toEqual({ restriction: "TRADING", inForce: false });
    expect(entries[0]?.after).toEqual({
      restriction: "TRADING",
      inForce: true,
      reason: "Set for the audit test.",
    });
  });
});

describe("withdrawals frozen", () => {
  it("refuses a new request and finance's approval, and lift restores both", async () => {
    const carol = await trader("frozen-carol");
    await compliance().users.restrictions.set({
      userId: carol.userId,
      kind: "WITHDRAWALS",
      reason: "Source of funds requested.",
    });
    await expect(
      carol.api.wallet.withdrawals.request({
        asset: "USDT",
        network: "ETH",
        address: "0x000000000000000000000000000000000000dEaD",
        amount: "10",
        requestKey: crypto.randomUUID(),
        password: "test-user-pass-123",
      } as never),
    ).rejects.toMatchObject({ cause: { code: AppErrorCode.WITHDRAWALS_FROZEN } });
    await expect(
      assertWithdrawalsAllowed(services.db, carol.userId, "approveWithdrawal"),
    ).rejects.toMatchObject({ code: AppErrorCode.WITHDRAWALS_FROZEN });
    await expect(carol.api.me.restrictions()).resolves.toEqual({
      tradingFrozen: false,
      withdrawalsFrozen: true,
    });
    await compliance().users.restrictions.lift({
      userId: carol.userId,
      kind: "WITHDRAWALS",
      reason: "Documents received.",
    });
    await expect(
      assertWithdrawalsAllowed(services.db, carol.userId, "approveWithdrawal"),
    ).resolves.toBeUndefined();
  });
});

describe("log-in suspended", () => {
  it("stops the trader's API key at once and lets it work again once lifted", async () => {
    const dave = await trader("suspended-dave");
    expect((await gatewayOrder(dave.key)).status).toBe(200);
    await compliance().users.restrictions.set({
      userId: dave.userId,
      kind: "LOGIN",
      reason: "Account takeover reported.",
    });
    const refused = await gatewayOrder(dave.key);
    expect(refused.body).toMatchObject({ code: -2015 });
    const view = await compliance().users.restrictions.list({ userId: dave.userId });
    expect(view.restrictions).toMatchObject([
      { kind: "LOGIN", reason: "Account takeover reported." },
    ]);
    await compliance().users.restrictions.lift({
      userId: dave.userId,
      kind: "LOGIN",
      reason: "Owner verified by phone.",
    });
    expect((await gatewayOrder(dave.key)).status).toBe(200);
  });
});

describe("bad input", () => {
  it("refuses any malformed change with BAD_REQUEST and changes nothing", async () => {
    const erin = await trader("input-erin");
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          userId: fc.oneof(fc.integer(), fc.constant(erin.userId), fc.double()),
          kind: fc.oneof(fc.constantFrom("TRADING", "WITHDRAWALS", "LOGIN"), fc.string()),
          reason: fc.oneof(
            fc.string({ maxLength: 2 }),
            fc.string({ minLength: 501 }),
            fc.constant("ok\u0000ok"),
          ),
        }),
        async (input) => {
          await expect(compliance().users.restrictions.set(input as never)).rejects.toMatchObject({
            code: expect.stringMatching(/BAD_REQUEST|NOT_FOUND/),
          });
        },
      ),
      { numRuns: 40 },
    );
    await expect(erin.api.me.restrictions()).resolves.toEqual({
      tradingFrozen: false,
      withdrawalsFrozen: false,
    });
  });
});
