import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sessionHandle } from "@exchange/domains/identity/session-list";
import { syncReferenceData } from "@exchange/domains/markets/reference-data";
import { closeServices, createServices } from "@exchange/domains/services";
import { eventually } from "@exchange/domains/testing/eventually";
import {
  createTestSavingsInstance,
  createTestSubscriptionRows,
} from "@exchange/domains/testing/savings-fixtures";
import {
  createTestUser,
  signInTestUser,
  type TestUser,
} from "@exchange/domains/testing/test-users";
import { createEngineSandbox, EngineProcess, WorkerProcess } from "@exchange/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callTraderApi } from "./testing/callers";
import type { Actor, Services } from "./trpc/context";
import { traderRouter } from "./trpc/trader/router";

/**
 * Every trader procedure and who may call it, with three callers: anonymous, another user, and
 * the owner of the data in play (a resting order, a balance, a KYC submission, two-factor on).
 * `public` rows answer anyone; `user` rows refuse anonymous callers, and another user may call
 * them only to act on their own account: the owner's data never shows in their answer and is
 * never changed. A procedure added to traderRouter without a row fails the completeness test:
 * add its row, with a call that changes nothing the other rows look at.
 */
type TraderApi = ReturnType<typeof callTraderApi>;
interface Fixture {
  owner: TestUser;
  orderId: number;
  /** An open savings offer, and the owner's subscription to it (whose product refuses early redemption). */
  instanceId: number;
  subscriptionId: string;
  /** A second session of the owner's, named by its handle as their session list shows it. */
  ownerSpareSession: string;
  /** The owner's unread notification (of their deposit of OWNER_BTC). */
  notificationId: string;
}
const PROCEDURES: Array<{
  path: string;
  access: "public" | "user";
  call: (api: TraderApi, fixture: Fixture) => Promise<unknown>;
}> = [
  { path: "health", access: "public", call: (api) => api.health() },
  { path: "me.profile", access: "user", call: (api) => api.me.profile() },
  { path: "me.restrictions", access: "user", call: (api) => api.me.restrictions() },
  {
    path: "me.setLocale",
    access: "user",
    // The caller's own language only: another user's call must leave the owner's "en" alone.
    call: (api) => api.me.setLocale({ locale: "zh-CN" }),
  },
  {
    path: "auth.register",
    access: "public",
    call: (api) => api.auth.register({ email: "not-an-email", password: "short" }),
  },
  {
    path: "auth.resendVerification",
    access: "public",
    call: (api) => api.auth.resendVerification({ email: `nobody-${crypto.randomUUID()}@x.test` }),
  },
  {
    path: "auth.verifyEmail",
    access: "public",
    call: (api) => api.auth.verifyEmail({ token: "A".repeat(43) }),
  },
  {
    path: "auth.requestPasswordReset",
    access: "public",
    call: (api) => api.auth.requestPasswordReset({ email: `nobody-${crypto.randomUUID()}@x.test` }),
  },
  {
    path: "auth.resetPassword",
    access: "public",
    call: (api) => api.auth.resetPassword({ token: "A".repeat(43), password: "some-password-1" }),
  },
  {
    path: "security.twoFactorStatus",
    access: "user",
    call: (api) => api.security.twoFactorStatus(),
  },
  { path: "security.beginTwoFactor", access: "user", call: (api) => api.security.beginTwoFactor() },
  {
    path: "security.confirmTwoFactor",
    access: "user",
    call: (api) => api.security.confirmTwoFactor({ code: "000000" }),
  },
  {
    path: "security.disableTwoFactor",
    access: "user",
    call: (api) =>
      api.security.disableTwoFactor({ stepUp: { password: "wrong-password-1", code: "000000" } }),
  },
  {
    path: "security.confirmStepUp",
    access: "user",
    call: (api) => api.security.confirmStepUp({ password: "wrong-password-1" }),
  },
  {
    path: "security.changePassword",
    access: "user",
    call: (api) =>
      api.security.changePassword({
        currentPassword: "wrong-password-1",
        newPassword: "another-password-2",
      }),
  },
  { path: "security.sessions", access: "user", call: (api) => api.security.sessions() },
  // Another user naming the owner's session is told it does not exist; the owner ends it.
  {
    path: "security.revokeSession",
    access: "user",
    call: (api, f) => api.security.revokeSession({ handle: f.ownerSpareSession }),
  },
  { path: "apiKeys.list", access: "user", call: (api) => api.apiKeys.list() },
  // Neither caller has two-factor on: allowed through the guard, refused by the domain.
  {
    path: "apiKeys.create",
    access: "user",
    call: (api) =>
      api.apiKeys.create({
        label: "matrix",
        kind: "HMAC",
        trade: true,
        withdraw: true,
        ipAllowList: [],
        expiresInDays: null,
        code: "123456",
      }),
  },
  {
    path: "apiKeys.revoke",
    access: "user",
    call: (api) => api.apiKeys.revoke({ id: 2_000_000_000 }),
  },
  // Ends only the caller's own other sessions: never the one the owner's rows run in.
  {
    path: "security.revokeOtherSessions",
    access: "user",
    call: (api) => api.security.revokeOtherSessions(),
  },
  { path: "security.recentLogIns", access: "user", call: (api) => api.security.recentLogIns() },
  {
    path: "security.regenerateRecoveryCodes",
    access: "user",
    call: (api) =>
      api.security.regenerateRecoveryCodes({
        stepUp: { password: "wrong-password-1", code: "000000" },
      }),
  },
  { path: "markets.list", access: "public", call: (api) => api.markets.list() },
  {
    path: "notifications.list",
    access: "user",
    call: (api) => api.notifications.list({}),
  },
  { path: "notifications.unread", access: "user", call: (api) => api.notifications.unread() },
  // Another user naming the owner's notification is told it does not exist; the owner reads it.
  {
    path: "notifications.markRead",
    access: "user",
    call: (api, f) => api.notifications.markRead({ id: f.notificationId }),
  },
  // Marks only the caller's own: the owner's stays unread until the owner's row.
  {
    path: "notifications.markAllRead",
    access: "user",
    call: (api) => api.notifications.markAllRead(),
  },
  {
    path: "notifications.mailChoices",
    access: "user",
    call: (api) => api.notifications.mailChoices(),
  },
  // The caller's own choice only: the owner's mail choices stay as they are.
  {
    path: "notifications.setMailChoice",
    access: "user",
    call: (api) => api.notifications.setMailChoice({ type: "order.largeFill", mail: true }),
  },
  {
    path: "announcements.live",
    access: "public",
    call: (api) => api.announcements.live({ locale: "en" }),
  },
  { path: "kyc.status", access: "user", call: (api) => api.kyc.status() },
  { path: "fees.mine", access: "user", call: (api) => api.fees.mine() },
  {
    path: "trading.placeOrder",
    access: "user",
    call: (api) =>
      api.trading.placeOrder({
        symbol: "NOPEUSDT",
        side: "buy",
        type: "limit",
        price: "1",
        quantity: "1",
      }),
  },
  {
    path: "trading.placeOco",
    access: "user",
    call: (api) =>
      api.trading.placeOco({
        symbol: "NOPEUSDT",
        side: "sell",
        quantity: "1",
        price: "3",
        stopPrice: "2",
        stopLimitPrice: "1",
      }),
  },
  {
    path: "trading.amendOrder",
    access: "user",
    // Names the owner's resting order (0.5 BTC) with its own quantity: another user's call is
    // "not found", the owner's "nothing to change", so the order stays for the cancel row.
    call: (api, { orderId }) =>
      api.trading.amendOrder({ symbol: "BTCUSDT", orderId, quantity: "0.5" }),
  },
  {
    path: "trading.cancelOrder",
    access: "user",
    // Names the owner's resting order: only the owner could cancel it, and the owner's row
    // runs last among the callers, so the other rows still see it resting.
    call: (api, { orderId }) => api.trading.cancelOrder({ symbol: "BTCUSDT", orderId }),
  },
  {
    path: "trading.cancelAll",
    access: "user",
    call: (api) => api.trading.cancelAll({ symbol: "ETHUSDT" }),
  },
  { path: "trading.openOrders", access: "user", call: (api) => api.trading.openOrders({}) },
  { path: "trading.orderHistory", access: "user", call: (api) => api.trading.orderHistory({}) },
  { path: "trading.tradeHistory", access: "user", call: (api) => api.trading.tradeHistory({}) },
  { path: "trading.balances", access: "user", call: (api) => api.trading.balances() },
  { path: "trading.streamToken", access: "user", call: (api) => api.trading.streamToken() },
  {
    path: "marketData.depth",
    access: "public",
    call: (api) => api.marketData.depth({ symbol: "BTCUSDT" }),
  },
  {
    path: "marketData.trades",
    access: "public",
    call: (api) => api.marketData.trades({ symbol: "BTCUSDT" }),
  },
  {
    path: "marketData.ticker",
    access: "public",
    call: (api) => api.marketData.ticker({ symbol: "BTCUSDT" }),
  },
  { path: "marketData.tickers", access: "public", call: (api) => api.marketData.tickers() },
  { path: "wallet.balances", access: "user", call: (api) => api.wallet.balances() },
  { path: "savings.offers", access: "public", call: (api) => api.savings.offers() },
  {
    path: "wallet.deposits.address",
    access: "user",
    call: (api) => api.wallet.deposits.address({ asset: "ETH" }),
  },
  { path: "wallet.deposits.list", access: "user", call: (api) => api.wallet.deposits.list({}) },
  { path: "wallet.deposits.assets", access: "user", call: (api) => api.wallet.deposits.assets() },
  {
    path: "marketData.klines",
    access: "public",
    call: (api) => api.marketData.klines({ symbol: "BTCUSDT", interval: "1m" }),
  },
  {
    path: "wallet.withdrawals.quote",
    access: "user",
    call: (api) => api.wallet.withdrawals.quote({ asset: "USDT", network: "evm-local" }),
  },
  {
    path: "wallet.withdrawals.limits",
    access: "user",
    call: (api) => api.wallet.withdrawals.limits(),
  },
  {
    path: "wallet.withdrawals.request",
    access: "user",
    call: (api) =>
      api.wallet.withdrawals.request({
        asset: "USDT",
        network: "evm-local",
        address: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        amount: "10",
        requestKey: crypto.randomUUID(),
        password: "wrong-password-1",
      }),
  },
  {
    path: "wallet.withdrawals.cancel",
    access: "user",
    call: (api) => api.wallet.withdrawals.cancel({ id: crypto.randomUUID() }),
  },
  { path: "wallet.withdrawals.list", access: "user", call: (api) => api.wallet.withdrawals.list() },
  {
    path: "wallet.withdrawals.addresses.list",
    access: "user",
    call: (api) => api.wallet.withdrawals.addresses.list(),
  },
  {
    path: "wallet.withdrawals.addresses.add",
    access: "user",
    call: (api) =>
      api.wallet.withdrawals.addresses.add({
        network: "evm-local",
        address: "not-an-address",
        label: "Nothing",
      }),
  },
  {
    path: "wallet.withdrawals.addresses.remove",
    access: "user",
    call: (api) => api.wallet.withdrawals.addresses.remove({ id: 2_000_000_000 }),
  },
  // Lending: no product, loan or index exists here; allowed callers get past the guard and are
  // refused for the missing record, and nothing moves.
  { path: "lending.offers", access: "public", call: (api) => api.lending.offers() },
  {
    path: "lending.quote",
    access: "user",
    call: (api) => api.lending.quote({ productId: 2_000_000_000, collateral: "1", loan: "100" }),
  },
  {
    path: "lending.borrow",
    access: "user",
    call: (api) =>
      api.lending.borrow({
        productId: 2_000_000_000,
        collateral: "1",
        loan: "100",
        requestKey: crypto.randomUUID(),
      }),
  },
  { path: "lending.loans", access: "user", call: (api) => api.lending.loans() },
  {
    path: "lending.history",
    access: "user",
    call: (api) => api.lending.history({ loanId: crypto.randomUUID() }),
  },
  {
    path: "lending.repay",
    access: "user",
    call: (api) =>
      api.lending.repay({
        loanId: crypto.randomUUID(),
        amount: "1",
        requestKey: crypto.randomUUID(),
      }),
  },
  {
    path: "lending.addCollateral",
    access: "user",
    call: (api) =>
      api.lending.addCollateral({
        loanId: crypto.randomUUID(),
        amount: "1",
        requestKey: crypto.randomUUID(),
      }),
  },
  // Futures: no contract is listed here; allowed callers get past the guard and are refused for
  // it (no settle asset, no contract), and nothing moves.
  { path: "futures.contracts", access: "public", call: (api) => api.futures.contracts() },
  { path: "futures.markets", access: "public", call: (api) => api.futures.markets() },
  { path: "futures.account", access: "user", call: (api) => api.futures.account() },
  {
    path: "futures.positionHistory",
    access: "user",
    call: (api) => api.futures.positionHistory({ symbol: "BTCUSDT-PERP" }),
  },
  {
    path: "futures.transfer",
    access: "user",
    call: (api) =>
      api.futures.transfer({
        asset: "USDT",
        amount: "1",
        direction: "toFutures",
        transferId: crypto.randomUUID(),
      }),
  },
  {
    path: "futures.setLeverage",
    access: "user",
    call: (api) =>
      api.futures.setLeverage({
        symbol: "BTCUSDT-PERP",
        leverage: 10,
        requestId: crypto.randomUUID(),
      }),
  },
  {
    path: "futures.setMarginMode",
    access: "user",
    call: (api) =>
      api.futures.setMarginMode({
        symbol: "BTCUSDT-PERP",
        mode: "isolated",
        requestId: crypto.randomUUID(),
      }),
  },
  {
    path: "savings.preview",
    access: "user",
    call: (api, f) => api.savings.preview({ instanceId: f.instanceId, amount: "100" }),
  },
  // Neither caller holds USDT: allowed through the guard, refused for the balance, nothing moves.
  {
    path: "savings.subscribe",
    access: "user",
    call: (api, f) =>
      api.savings.subscribe({
        instanceId: f.instanceId,
        amount: "10",
        requestKey: crypto.randomUUID(),
      }),
  },
  {
    path: "savings.subscriptions",
    access: "user",
    call: (api) => api.savings.subscriptions({}),
  },
  {
    path: "savings.subscription",
    access: "user",
    call: (api, f) => api.savings.subscription({ id: f.subscriptionId }),
  },
  {
    path: "savings.redemptionQuote",
    access: "user",
    call: (api, f) => api.savings.redemptionQuote({ id: f.subscriptionId }),
  },
  // The owner's product refuses early redemption: allowed through the guard, nothing moves.
  {
    path: "savings.redeem",
    access: "user",
    call: (api, f) => api.savings.redeem({ id: f.subscriptionId }),
  },
];

const GUARD_CODES = ["FORBIDDEN", "UNAUTHORIZED"];
const OWNER_LEGAL_NAME = "Olive Ownerdata";
const OWNER_BTC = "1.2345";
/** The owner's savings principal: 777.123456 USDT (8 decimals). */
const OWNER_SAVINGS_ATOMS = 77_712_345_600n;

let services: Services;
let engine: EngineProcess;
let worker: WorkerProcess;
let fixture: Fixture;
let owner: Actor;
let other: Actor;

beforeAll(async () => {
  const sandbox = await createEngineSandbox("trader-authz");
  engine = await EngineProcess.start(sandbox);
  worker = await WorkerProcess.start(sandbox);
  services = await createServices({
    ...sandbox,
    streamTokenSecret: "trader-authorization-stream-secret",
    documentStorageDir: mkdtempSync(join(tmpdir(), "exchange-authz-documents-")),
  });
  await syncReferenceData(services.db, services.engine, services.clock.now());
  const ownerUser = await createTestUser(services.db, { tag: "owner" });
  const otherUser = await createTestUser(services.db, { tag: "other" });
  owner = await signInTestUser(services, ownerUser.id);
  other = await signInTestUser(services, otherUser.id);
  const deposit = await services.engine.send({
    type: "balance.deposit",
    id: `authz-deposit:${ownerUser.id}`,
    ts: Date.now(),
    business: "test-deposit",
    businessId: crypto.randomUUID(),
    userId: ownerUser.id,
    asset: "BTC",
    amountAtoms: 123_450_000n,
  });
  expect(deposit.outcome.ok).toBe(true);
  const placed = await callTraderApi(services, owner).trading.placeOrder({
    symbol: "BTCUSDT",
    side: "sell",
    type: "limit",
    price: "90000",
    quantity: "0.5",
  });
  const offer = await createTestSavingsInstance(services.db, { earlyRedemption: "NOT_ALLOWED" });
  const subscriptionId = await createTestSubscriptionRows(services.db, {
    userId: ownerUser.id,
    instanceId: offer.instanceId,
    amountAtoms: OWNER_SAVINGS_ATOMS,
  });
  const spare = await signInTestUser(services, ownerUser.id);
  const notification = await services.db.notification.create({
    data: {
      userId: ownerUser.id,
      type: "deposit.credited",
      params: { asset: "BTC", amount: OWNER_BTC },
      eventKey: `authz:${crypto.randomUUID()}`,
    },
  });
  fixture = {
    notificationId: notification.id.toString(),
    owner: ownerUser,
    orderId: placed.order.orderId,
    instanceId: offer.instanceId,
    subscriptionId,
    ownerSpareSession: sessionHandle(spare.sessionId),
  };
  await eventually(async () => {
    const open = await callTraderApi(services, owner).trading.openOrders({});
    expect(open.items.map((o) => o.orderId)).toContain(fixture.orderId);
  });
  await services.db.kycSubmission.create({
    data: {
      userId: ownerUser.id,
      status: "APPROVED",
      legalName: OWNER_LEGAL_NAME,
      dateOfBirth: new Date("1980-01-01"),
      country: "FR",
      documentType: "PASSPORT",
      documentNumber: "OWNER-123",
    },
  });
  await services.db.user.update({
    where: { id: ownerUser.id },
    data: { totpEnabledAt: new Date() },
  });
}, 120_000);

afterAll(async () => {
  await closeServices(services);
  await worker?.stop();
  await engine?.kill();
});

async function outcomeOf(call: Promise<unknown>): Promise<{ value?: unknown; code?: string }> {
  return call.then(
    (value) => ({ value }),
    (error: { code?: string }) => ({ code: error.code }),
  );
}

/** Nothing of the owner's in another caller's answer: not their id, email, order, name, funds. */
function expectNoOwnerData(value: unknown): void {
  const text = JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? String(v) : v)) ?? "";
  expect(text).not.toContain(fixture.owner.email);
  expect(text).not.toContain(OWNER_LEGAL_NAME);
  expect(text).not.toContain(OWNER_BTC);
  expect(text).not.toContain(fixture.subscriptionId);
  expect(text).not.toContain("777.123456");
  expect(text).not.toMatch(new RegExp(`"orderId":${fixture.orderId}\\b`));
  expect(text).not.toMatch(new RegExp(`"id":${fixture.owner.id}\\b`));
}

/**
 * The owner's data as it stood: the order resting, two-factor on, the subscription active, and
 * the language of their mails still their own.
 */
async function expectOwnerUntouched(): Promise<void> {
  await expect(callTraderApi(services, owner).me.profile()).resolves.toMatchObject({
    locale: "en",
  });
  await expect(
    callTraderApi(services, owner).savings.subscription({ id: fixture.subscriptionId }),
  ).resolves.toMatchObject({ status: "ACTIVE", amount: "777.123456" });
  const open = await callTraderApi(services, owner).trading.openOrders({});
  expect(open.items.map((o) => o.orderId)).toContain(fixture.orderId);
  await expect(callTraderApi(services, owner).security.twoFactorStatus()).resolves.toMatchObject({
    enabled: true,
  });
  const sessions = await callTraderApi(services, owner).security.sessions();
  expect(sessions.map((s) => s.handle)).toContain(fixture.ownerSpareSession);
  await expect(callTraderApi(services, owner).notifications.unread()).resolves.toEqual({
    unread: 1,
  });
  const choices = await callTraderApi(services, owner).notifications.mailChoices();
  expect(choices.find((c) => c.type === "order.largeFill")).toMatchObject({ mail: false });
}

describe("trader procedures × callers", () => {
  it("has a row for every trader procedure", () => {
    const paths = Object.keys(traderRouter._def.procedures).sort();
    expect(PROCEDURES.map((p) => p.path).sort()).toEqual(paths);
  });

  it.each(PROCEDURES)("anonymous → $path ($access)", async ({ access, call }) => {
    const { code } = await outcomeOf(call(callTraderApi(services), fixture));
    if (access === "public") expect(GUARD_CODES).not.toContain(code);
    else expect(code).toBe("UNAUTHORIZED");
  });

  it.each(PROCEDURES)("another user → $path: only their own account", async ({ call }) => {
    const { value, code } = await outcomeOf(call(callTraderApi(services, other), fixture));
    expect(GUARD_CODES).not.toContain(code);
    expectNoOwnerData(value);
    await expectOwnerUntouched();
  });

  it.each(PROCEDURES)("owner → $path: allowed", async ({ call }) => {
    const { code } = await outcomeOf(call(callTraderApi(services, owner), fixture));
    expect(GUARD_CODES).not.toContain(code);
  });

  it("shows the owner their own data, so the checks above could fail", async () => {
    const api = callTraderApi(services, owner);
    expect(JSON.stringify(await api.trading.balances())).toContain(OWNER_BTC.slice(0, 4));
    await expect(api.me.profile()).resolves.toMatchObject({ id: fixture.owner.id });
    const savings = await api.savings.subscriptions({});
    expect(JSON.stringify(savings)).toContain(fixture.subscriptionId);
    const notifications = await api.notifications.list({});
    expect(JSON.stringify(notifications)).toContain(OWNER_BTC);
  });
});
