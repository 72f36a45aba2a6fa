import { decimalToUnits } from "@exchange/contracts/money";
import { base32Decode, totpCode } from "@exchange/domains/identity/totp";
import { syncReferenceData } from "@exchange/domains/markets/reference-data";
import { closeServices, createServices } from "@exchange/domains/services";
import { expectBooksReconciled } from "@exchange/domains/testing/books";
import { eventually } from "@exchange/domains/testing/eventually";
import { latestMailTo } from "@exchange/domains/testing/mail";
import { randomAccountXpub, staffActor } from "@exchange/domains/testing/test-services";
import { createTestUser, signInTestUser } from "@exchange/domains/testing/test-users";
import { completeWithdrawal, resumeWithdrawals } from "@exchange/domains/wallet/withdrawal-engine";
import { findWithdrawal, moveWithdrawal } from "@exchange/domains/wallet/withdrawal-repository";
import { extremeDecimal, fuzz, hostileString, runEnv } from "@exchange/protocol/testing";
import { createEngineSandbox, EngineProcess, WorkerProcess } from "@exchange/testkit";
import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callAdminApi, callTraderApi } from "./testing/callers";
import type { Actor, Services } from "./trpc/context";

/**
 * Withdrawals through the procedures a trader and finance call, against the real engine, worker
 * and local chain (for the fee): every path ends with the balances a user would see, and the
 * books reconcile at the end.
 */

let services: Services;
let engine: EngineProcess;
let worker: WorkerProcess;
let finance: Actor;
let finance2: Actor;
let compliance: Actor;

const NETWORK = "evm-local";
/** Somewhere outside the exchange, checksummed (EIP-55's own example). */
const OUTSIDE = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
const OUTSIDE_2 = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359";
const USDT = 10n ** 8n;

const trader = (actor: Actor) => callTraderApi(services, actor);
const admin = (actor: Actor) => callAdminApi(services, actor);
const userIdOf = (actor: Actor) => (actor.kind === "user" ? actor.userId : 0);

interface NewUser {
  actor: Actor;
  email: string;
  password: string;
}

async function newUser(tag: string, usdt: bigint, kycLevel = 1): Promise<NewUser> {
  const user = await createTestUser(services.db, { tag, kycLevel });
  const actor: Actor = { kind: "user", userId: user.id };
  if (usdt > 0n) {
    const reply = await services.engine.send({
      type: "balance.deposit",
      id: `test-deposit:${user.id}`,
      ts: Date.now(),
      business: "test-deposit",
      businessId: `withdrawals:${user.id}`,
      userId: user.id,
      asset: "USDT",
      amountAtoms: usdt * USDT,
    });
    expect(reply.outcome.ok).toBe(true);
    await eventually(async () => expect((await usdtOf(actor)).total).toBe(String(usdt)));
  }
  return { actor, email: user.email, password: user.password };
}

async function usdtOf(actor: Actor) {
  const balances = await trader(actor).trading.balances();
  return balances.find((b) => b.asset === "USDT") ?? { available: "0", frozen: "0", total: "0" };
}

/** Waits for the read model to show these available / frozen USDT. */
async function expectUsdt(actor: Actor, available: string, frozen: string) {
  await eventually(async () => {
    const b = await usdtOf(actor);
    expect({ available: b.available, frozen: b.frozen }).toEqual({ available, frozen });
  });
}

function request(user: NewUser, overrides: Record<string, string> = {}) {
  return trader(user.actor).wallet.withdrawals.request({
    asset: "USDT",
    network: NETWORK,
    address: OUTSIDE,
    amount: "10",
    requestKey: crypto.randomUUID(),
    password: user.password,
    ...overrides,
  });
}

interface Refusal {
  code: string;
  fields: Record<string, string[]>;
  message: string;
}

async function refusal(call: Promise<unknown>): Promise<Refusal> {
  const error = await call.then(
    () => expect.fail("the call was accepted"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  const cause = (error as TRPCError).cause as
    | { code?: string; fieldErrors?: Record<string, string[]> }
    | undefined;
  return {
    code: cause?.code ?? (error as TRPCError).code,
    fields: cause?.fieldErrors ?? {},
    message: (error as TRPCError).message,
  };
}

/** The fee the chain asks now: the floor of 1 USDT on the local chain without an ETH price. */
let fee: string;

beforeAll(async () => {
  const sandbox = await createEngineSandbox("withdrawals");
  engine = await EngineProcess.start(sandbox);
  worker = await WorkerProcess.start(sandbox, {
    RECONCILE_EVERY_MS: "1000",
    RECONCILE_MAX_LAG_MS: "1000",
  });
  const env = runEnv();
  services = await createServices({
    ...sandbox,
    chain: {
      key: NETWORK,
      rpcUrl: String(env.CHAIN_RPC_URL),
      chainId: Number(env.CHAIN_ID),
      walletXpub: randomAccountXpub(),
    },
    ...(env.SMTP_URL && env.MAIL_FROM && env.WEB_PUBLIC_URL
      ? { mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, webPublicUrl: env.WEB_PUBLIC_URL } }
      : {}),
    ...(env.TWO_FACTOR_KEY ? { twoFactorKey: env.TWO_FACTOR_KEY } : {}),
  });
  await syncReferenceData(services.db, services.engine, services.clock.now());
  const staff = async (role: "FINANCE" | "COMPLIANCE") =>
    (await services.db.staff.findFirstOrThrow({ where: { roles: { equals: [role] } } })).id;
  finance = staffActor(await staff("FINANCE"), "FINANCE");
  const second = await services.db.staff.create({
    data: {
      email: `finance-2-${crypto.randomUUID()}@exchange.local`,
      name: "Second Finance",
      passwordHash: "x",
      roles: ["FINANCE"],
    },
  });
  finance2 = staffActor(second.id, "FINANCE");
  compliance = staffActor(await staff("COMPLIANCE"), "COMPLIANCE");
  const probe = await newUser("probe", 0n);
  fee = (await trader(probe.actor).wallet.withdrawals.quote({ asset: "USDT", network: NETWORK }))
    .fee;
}, 60_000);

afterAll(async () => {
  if (services) await closeServices(services);
  await worker?.stop();
  await engine?.kill();
});

describe("the Wallet page's balances", () => {
  it("offer deposits and withdrawals only for assets the chain carries", async () => {
    const user = await newUser("wallet-page", 10n);
    const userId = userIdOf(user.actor);
    const reply = await services.engine.send({
      type: "balance.deposit",
      id: `test-deposit:${userId}:BTC`,
      ts: Date.now(),
      business: "test-deposit",
      businessId: `wallet-page:${userId}:BTC`,
      userId,
      asset: "BTC",
      amountAtoms: 100_000_000n,
    });
    expect(reply.outcome.ok).toBe(true);
    await eventually(async () => {
      const { balances } = await trader(user.actor).wallet.balances();
      const onChain = Object.fromEntries(balances.map((b) => [b.asset, b.onChain]));
      expect(onChain).toMatchObject({ BTC: false, USDT: true });
    });
  });
});

describe("a withdrawal's quote and limits", () => {
  it("shows the fee (never below the floor), the minimum and the most one can send", async () => {
    const user = await newUser("quote", 100n);
    const quote = await trader(user.actor).wallet.withdrawals.quote({
      asset: "USDT",
      network: NETWORK,
    });
    expect(Number(quote.fee)).toBeGreaterThanOrEqual(1);
    expect(quote).toMatchObject({ minWithdrawal: "2", available: "100", precision: 8 });
    // what is left after the fee
    expect(BigInt(Math.round(Number(quote.maxAmount) * 1e8))).toBe(
      100n * USDT - BigInt(Math.round(Number(quote.fee) * 1e8)),
    );
    const limits = await trader(user.actor).wallet.withdrawals.limits();
    expect(limits).toMatchObject({
      canWithdraw: true,
      dailyLimit: "100000",
      usedToday: "0",
      remainingToday: "100000",
      limitAsset: "USDT",
    });
  });
});

describe("a withdrawal to finance and back", () => {
  it("goes to finance the first time an address is used, then is approved automatically", async () => {
    const user = await newUser("auto", 100n);
    const first = await request(user);
    expect(first).toMatchObject({ status: "PENDING_APPROVAL", amount: "10", fee });
    const total = 10 + Number(fee);
    await expectUsdt(user.actor, String(100 - total), String(total));

    const queue = await admin(finance).withdrawals.queue({ asset: "USDT" });
    const row = queue.rows.find((r) => r.withdrawal.id === first.id);
    expect(row).toMatchObject({ riskFlags: ["new_address"], requiredApprovals: 1, approvals: 0 });

    const approved = await admin(finance).withdrawals.approve({ id: first.id });
    expect(approved).toMatchObject({ approved: true, withdrawal: { status: "APPROVED" } });

    const second = await request(user, { amount: "5" });
    expect(second.status).toBe("APPROVED");
    expect(second.approvedAt).toBeInstanceOf(Date);
    const listed = await trader(user.actor).wallet.withdrawals.list();
    expect(listed.map((w) => [w.id, w.status])).toEqual([
      [second.id, "APPROVED"],
      [first.id, "APPROVED"],
    ]);
    const audit = await services.db.auditLog.findFirst({
      where: { action: "withdrawal.approve", targetId: first.id },
    });
    expect(audit?.actorId).toBe(String((finance as { staffId: number }).staffId));
  });

  it("needs two different people above the dual-approval line; the same one twice is refused", async () => {
    const user = await newUser("dual", 20_000n);
    const big = await request(user, { amount: "15000" });
    expect(big.status).toBe("PENDING_APPROVAL");

    expect((await refusal(admin(compliance).withdrawals.approve({ id: big.id }))).code).toBe(
      "FORBIDDEN",
    );
    const once = await admin(finance).withdrawals.approve({ id: big.id });
    expect(once).toMatchObject({ approved: false, withdrawal: { status: "PENDING_APPROVAL" } });
    const twice = await refusal(admin(finance).withdrawals.approve({ id: big.id }));
    expect(twice.code).toBe("ALREADY_APPROVED");
    expect(twice.message).toMatch(/another finance member/);

    const detail = await admin(finance).withdrawals.detail({ id: big.id });
    expect(detail).toMatchObject({
      requiredApprovals: 2,
      user: { id: userIdOf(user.actor), kycLevel: 1 },
      decisions: [{ decision: "APPROVE" }],
    });
    expect(detail.postings.length).toBeGreaterThan(0);

    const done = await admin(finance2).withdrawals.approve({ id: big.id });
    expect(done).toMatchObject({ approved: true, withdrawal: { status: "APPROVED" } });
    const after = await refusal(
      admin(finance2).withdrawals.reject({ id: big.id, reason: "Too late now." }),
    );
    expect(after.code).toBe("WITHDRAWAL_STATE");
  });

  it("returns the funds on rejection, shows the reason and mails the user", async () => {
    const user = await newUser("rejected", 100n);
    const w = await request(user, { amount: "20" });
    expect(w.status).toBe("PENDING_APPROVAL");
    const { withdrawal } = await admin(finance).withdrawals.reject({
      id: w.id,
      reason: "Destination linked to a scam report.",
    });
    expect(withdrawal).toMatchObject({
      status: "REJECTED",
      rejectReason: "Destination linked to a scam report.",
    });
    await expectUsdt(user.actor, "100", "0");
    const mail = await eventually(() => latestMailTo(user.email));
    expect(mail.subject).toBe("Your withdrawal was rejected");
    expect(mail.text).toContain("Destination linked to a scam report.");
    const record = await findWithdrawal(services.db, w.id);
    expect(record?.engineDoneAt).toBeInstanceOf(Date);
  });

  it("lets the user cancel while it waits, and not after approval", async () => {
    const user = await newUser("cancel", 100n);
    const w = await request(user, { amount: "30" });
    const other = await newUser("stranger", 0n);
    expect((await refusal(trader(other.actor).wallet.withdrawals.cancel({ id: w.id }))).code).toBe(
      "NOT_FOUND",
    );
    const cancelled = await trader(user.actor).wallet.withdrawals.cancel({ id: w.id });
    expect(cancelled.status).toBe("CANCELLED");
    await expectUsdt(user.actor, "100", "0");
    const again = await refusal(trader(user.actor).wallet.withdrawals.cancel({ id: w.id }));
    expect(again.code).toBe("WITHDRAWAL_STATE");
    expect((await refusal(admin(finance).withdrawals.approve({ id: w.id }))).code).toBe(
      "WITHDRAWAL_STATE",
    );
  });

  it("settles a confirmed one: the amount leaves, the fee is income, the user is mailed once", async () => {
    const user = await newUser("confirmed", 100n);
    const w = await request(user, { amount: "10" });
    await admin(finance).withdrawals.approve({ id: w.id });
    const at = new Date();
    await moveWithdrawal(
      services.db,
      { id: w.id, from: "APPROVED", to: "BROADCAST", at },
      { txHash: `0x${"ab".repeat(32)}`, broadcastAt: at },
    );
    const confirmed = await moveWithdrawal(
      services.db,
      { id: w.id, from: "BROADCAST", to: "CONFIRMED", at },
      { confirmations: 3 },
    );
    if (!confirmed) throw new Error("not moved");
    await completeWithdrawal(services, confirmed);
    await completeWithdrawal(services, confirmed); // a repeat changes nothing
    const total = 10 + Number(fee);
    await expectUsdt(user.actor, String(100 - total), "0");
    const mail = await eventually(() => latestMailTo(user.email));
    expect(mail.subject).toBe("Your withdrawal arrived");
    expect(mail.text).toContain(`0x${"ab".repeat(32)}`);
  });
});

describe("one submission, one freeze", () => {
  it("treats a double-clicked submit as one withdrawal", async () => {
    const user = await newUser("double", 100n);
    const requestKey = crypto.randomUUID();
    const [a, b] = await Promise.all([
      request(user, { requestKey }),
      request(user, { requestKey }),
    ]);
    expect(a.id).toBe(b.id);
    const again = await request(user, { requestKey });
    expect(again.id).toBe(a.id);
    const total = 10 + Number(fee);
    await expectUsdt(user.actor, String(100 - total), String(total));
    expect(await trader(user.actor).wallet.withdrawals.list()).toHaveLength(1);
  });

  it("lets only one of two racing withdrawals take the same balance", async () => {
    const user = await newUser("race", 50n);
    const amount = String(50 - Number(fee));
    const results = await Promise.allSettled([
      request(user, { amount }),
      request(user, { amount }),
    ]);
    const accepted = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r) => r.status === "rejected");
    expect(accepted).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const reason = (refused[0] as PromiseRejectedResult).reason as TRPCError;
    expect((reason.cause as unknown as { code: string }).code).toBe("INSUFFICIENT_BALANCE");
    await expectUsdt(user.actor, "0", "50");
    expect(await trader(user.actor).wallet.withdrawals.list()).toHaveLength(1);
  });
});

describe("bad input", () => {
  it("gets a clear error and freezes nothing", async () => {
    const user = await newUser("bad", 100n);
    const cases: [Record<string, string>, string, string][] = [
      [{ address: "0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed" }, "address", "checksum"],
      [{ address: "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq" }, "address", "Bitcoin"],
      [{ address: "0x1234" }, "address", "0x and 40 hex"],
      [
        { address: services.wallet?.addresses.hotWalletAddress ?? "" },
        "address",
        "exchange itself",
      ],
      [{ asset: "BTC" }, "asset", "cannot be withdrawn"],
      [{ network: "tron" }, "network", "not supported"],
      [{ amount: "1.000000001" }, "amount", "at most 8 decimals"],
      [{ amount: "1" }, "amount", "least you can withdraw is 2"],
      [{ amount: "abc" }, "amount", "as a number"],
      [{ password: "wrong-password-1" }, "password", "not right"],
      [{ password: "" }, "password", "Enter your password"],
    ];
    for (const [overrides, field, text] of cases) {
      const r = await refusal(request(user, overrides));
      expect(r.fields[field]?.join(" "), JSON.stringify(overrides)).toContain(text);
    }
    const over = await refusal(request(user, { amount: "100" }));
    expect(over.code).toBe("INSUFFICIENT_BALANCE");
    await expectUsdt(user.actor, "100", "0");
    expect(await trader(user.actor).wallet.withdrawals.list()).toEqual([]);
  });

  it("refuses a blocklisted address, a level that may not withdraw, and the 24-hour limit", async () => {
    const user = await newUser("limits", 200_000n);
    await services.db.blockedAddress.create({
      data: { chainKey: NETWORK, address: OUTSIDE_2, reason: "test: sanctioned" },
    });
    const blocked = await refusal(request(user, { address: OUTSIDE_2 }));
    expect(blocked.fields.address?.[0]).toMatch(/not allowed/);

    const unverified = await newUser("level0", 100n, 0);
    expect((await refusal(request(unverified))).code).toBe("KYC_REQUIRED");

    const over = await refusal(request(user, { amount: "100001" }));
    expect(over.code).toBe("WITHDRAWAL_LIMIT");
    expect(over.message).toMatch(/100000 USDT left/);
    await request(user, { amount: "60000" });
    const second = await refusal(request(user, { amount: "50000" }));
    expect(second.code).toBe("WITHDRAWAL_LIMIT");
    expect(second.message).toMatch(/40000 USDT left/);
  });

  it("lets only one of two racing requests that each fit the 24-hour limit through", async () => {
    const user = await newUser("limit-race", 200_000n);
    const results = await Promise.allSettled([
      request(user, { amount: "60000" }),
      request(user, { amount: "60000" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    const cause = (refused.reason as TRPCError).cause as unknown as { code: string };
    expect(cause.code).toBe("WITHDRAWAL_LIMIT");
    expect(await trader(user.actor).wallet.withdrawals.list()).toHaveLength(1);
  });

  it("asks for the two-factor code where two-factor is on", async () => {
    const user = await newUser("totp", 100n);
    await services.db.user.update({
      where: { id: userIdOf(user.actor) },
      data: { totpEnabledAt: new Date() },
    });
    const missing = await refusal(request(user));
    expect(missing.code).toBe("INVALID_TWO_FACTOR_CODE");
    expect(missing.fields.code?.[0]).toMatch(/6-digit code/);
  });

  it("accepts a right code once; a new 2FA sends the withdrawal to finance", async () => {
    const user = await newUser("totp-right", 100n);
    const api = trader(await signInTestUser(services, userIdOf(user.actor)));
    const key = base32Decode((await api.security.beginTwoFactor()).secret);
    await api.security.confirmTwoFactor({ code: totpCode(key, Date.now()) });
    // A later time step than the one enrolment used: each step's code signs once.
    const code = totpCode(key, Date.now() + 30_000);
    const ask = () =>
      api.wallet.withdrawals.request({
        asset: "USDT",
        network: NETWORK,
        address: OUTSIDE,
        amount: "10",
        requestKey: crypto.randomUUID(),
        code,
      });
    const accepted = await ask();
    expect(accepted.status).toBe("PENDING_APPROVAL");
    expect((await findWithdrawal(services.db, accepted.id))?.riskFlags).toContain(
      "recent_security_change",
    );
    const replayed = await refusal(ask());
    expect(replayed.code).toBe("INVALID_TWO_FACTOR_CODE");
    expect(await api.wallet.withdrawals.list()).toHaveLength(1);
  });
});

describe("a suspended asset", () => {
  it("refuses a new withdrawal with a clear message, and takes one again once resumed", async () => {
    const user = await newUser("suspended", 100n);
    const operationsId = (
      await services.db.staff.findFirstOrThrow({ where: { roles: { has: "OPERATIONS" } } })
    ).id;
    const operations = admin(staffActor(operationsId, "OPERATIONS"));
    const suspend = { code: "USDT", status: "DISABLED", reason: "contract upgrade" } as const;
    await operations.markets.setAssetStatus(suspend);
    try {
      const suspended = await refusal(request(user));
      expect(suspended.fields.asset).toEqual(["USDT withdrawals are suspended for now."]);
      const again = await refusal(operations.markets.setAssetStatus(suspend));
      expect(again.fields.status).toEqual(["USDT is already DISABLED."]);
      await expectUsdt(user.actor, "100", "0");
    } finally {
      await operations.markets.setAssetStatus({ ...suspend, status: "ACTIVE", reason: "done" });
    }
    const accepted = await request(user);
    expect(accepted.amount).toBe("10");
    const audit = await services.db.auditLog.findMany({
      where: { action: "asset.status.change", targetId: "USDT" },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.before, a.after])).toEqual([
      [{ status: "ACTIVE" }, { status: "DISABLED", reason: "contract upgrade" }],
      [{ status: "DISABLED" }, { status: "ACTIVE", reason: "done" }],
    ]);
  });

  it("cannot be changed for an asset that does not exist", async () => {
    const operationsId = (
      await services.db.staff.findFirstOrThrow({ where: { roles: { has: "OPERATIONS" } } })
    ).id;
    const missing = await refusal(
      admin(staffActor(operationsId, "OPERATIONS")).markets.setAssetStatus({
        code: "NOPE",
        status: "DISABLED",
        reason: "no such asset",
      }),
    );
    expect(missing.code).toBe("NOT_FOUND");
    expect(missing.message).toBe("There is no asset NOPE.");
  });
});

describe("any typed address and amount", () => {
  it("gets a typed answer, and a refusal freezes nothing (property)", async () => {
    const user = await newUser("fuzz", 100n);
    const address = fc.oneof(
      fc.constantFrom(OUTSIDE, OUTSIDE.toLowerCase(), OUTSIDE.toUpperCase().replace("0X", "0x")),
      fc
        .string({ unit: fc.constantFrom(..."0123456789abcdefABCDEF"), maxLength: 44 })
        .map((hex) => `0x${hex}`),
      hostileString({ maxLength: 130 }),
    );
    const amount = fc.oneof(extremeDecimal(), hostileString({ maxLength: 90 }), fc.constant("3"));
    // Every accepted withdrawal froze its amount plus its fee; nothing else was frozen.
    let frozen = 0n;
    await fuzz(
      fc.asyncProperty(address, amount, async (a, m) => {
        const answer = await request(user, { address: a, amount: m }).then(
          (w) => ({ ok: true as const, w }),
          (e: TRPCError) => ({ ok: false as const, e }),
        );
        if (answer.ok) {
          frozen += decimalToUnits(answer.w.amount, 8) + decimalToUnits(answer.w.fee, 8);
          return;
        }
        expect(answer.e.code).not.toBe("INTERNAL_SERVER_ERROR");
      }),
      25,
    );
    await eventually(async () => {
      const b = await usdtOf(user.actor);
      expect(decimalToUnits(b.frozen, 8)).toBe(frozen);
    });
  });
});

describe("after a crash", () => {
  it("finishes a request interrupted before its freeze, and an end state not yet released", async () => {
    const user = await newUser("resume", 100n);
    const id = crypto.randomUUID();
    await services.db.withdrawal.create({
      data: {
        id,
        userId: userIdOf(user.actor),
        chainKey: NETWORK,
        assetCode: "USDT",
        toAddress: OUTSIDE,
        amountAtoms: String(10n * USDT),
        feeAtoms: String(USDT),
        requestKey: crypto.randomUUID(),
        status: "REQUESTED",
        requiredApprovals: 1,
        riskFlags: ["new_address"],
        createdAt: new Date(Date.now() - 5 * 60_000),
      },
    });
    await resumeWithdrawals(services);
    expect((await findWithdrawal(services.db, id))?.status).toBe("PENDING_APPROVAL");
    await expectUsdt(user.actor, "89", "11");

    // Cancelled, but the process died before the release.
    await moveWithdrawal(services.db, {
      id,
      from: "PENDING_APPROVAL",
      to: "CANCELLED",
      at: new Date(),
    });
    await resumeWithdrawals(services);
    await resumeWithdrawals(services);
    await expectUsdt(user.actor, "100", "0");
    expect((await findWithdrawal(services.db, id))?.engineDoneAt).toBeInstanceOf(Date);
  });
});

describe("the books", () => {
  it("reconcile after every withdrawal above", async () => {
    await expectBooksReconciled(services.db);
  });
});
