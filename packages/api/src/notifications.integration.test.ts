import { channels } from "@exchange/contracts/channels";
import { ZNotificationPush } from "@exchange/contracts/notification";
import { submitKyc } from "@exchange/domains/kyc/kyc-submissions";
import { parseLargeFillLines } from "@exchange/domains/notifications/large-fill-lines";
import {
  type NotificationPassDeps,
  runNotificationPass,
} from "@exchange/domains/notifications/notification-pass";
import { KYC_FIXTURE_FIELDS, kycFixtureFiles } from "@exchange/domains/testing/kyc-fixtures";
import { latestMailTo, mailsTo } from "@exchange/domains/testing/mail";
import { closeServices, staffActor, testServices } from "@exchange/domains/testing/test-services";
import { createTestUser, type TestUser } from "@exchange/domains/testing/test-users";
import { streamBusChannel } from "@exchange/protocol";
import { runVar } from "@exchange/protocol/testing";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callAdminApi, callTraderApi } from "./testing/callers";
import type { Services } from "./trpc/context";

/**
 * The notification centre end to end below the browser: what happens (a deposit credited, a
 * KYC decision, a large fill) becomes exactly one notification and one `@account` push through
 * the notifier's pass, whatever replays it; the trader's mail choices decide the mail; the
 * trader's procedures list, count and mark them.
 */

let services: Services;
let deps: NotificationPassDeps;
let listener: Redis;
/** Pushes received, by bus channel. */
const pushes = new Map<string, unknown[]>();

beforeAll(async () => {
  services = await testServices();
  const lines = parseLargeFillLines("USDT=10000");
  if ("problem" in lines) throw new Error(lines.problem);
  deps = {
    db: services.db,
    redis: services.redis,
    redisPrefix: services.redisPrefix,
    clock: services.clock,
    log: services.log,
    mailer: services.mailer,
    webPublicUrl: runVar("WEB_PUBLIC_URL"),
    largeFillLines: lines,
  };
  listener = new Redis(runVar("REDIS_URL") ?? "");
  listener.on("message", (channel: string, message: string) => {
    pushes.set(channel, [...(pushes.get(channel) ?? []), JSON.parse(message)]);
  });
  // A first pass places every source's cursor; what happens from here is notified.
  await runNotificationPass(deps);
});
afterAll(async () => {
  await listener.quit();
  await closeServices(services);
});

/** A trader whose `@account` pushes are collected. */
async function newTrader(tag: string, locale = "en"): Promise<TestUser> {
  const user = await createTestUser(services.db, { tag, kycLevel: 0 });
  await services.db.user.update({ where: { id: user.id }, data: { locale } });
  await listener.subscribe(accountChannel(user.id));
  return user;
}

function accountChannel(userId: number): string {
  return streamBusChannel(services.redisPrefix, channels.user(userId, "account"));
}

function pushesTo(userId: number) {
  return (pushes.get(accountChannel(userId)) ?? []).map((p) => ZNotificationPush.parse(p));
}

/** A deposit of `amountAtoms` USDT credited to the user, as the chain watcher records one. */
async function creditDeposit(userId: number, amountAtoms: bigint) {
  const tx = `0x${crypto.randomUUID().replaceAll("-", "").padEnd(64, "0")}`;
  return services.db.deposit.create({
    data: {
      chainKey: "evm-local",
      txHash: tx,
      logIndex: 0,
      assetCode: "USDT",
      userId,
      toAddress: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
      fromAddress: "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
      chainAmount: amountAtoms.toString(),
      amountAtoms: amountAtoms.toString(),
      blockNumber: 1n,
      blockHash: tx,
      confirmations: 12,
      status: "CREDITED",
      flags: [],
      creditedAt: new Date(),
    },
  });
}

/** Runs passes until the pushes to `userId` number `count` (the pass is what the worker loops). */
async function passUntilPushed(userId: number, count: number) {
  for (let attempt = 0; attempt < 50 && pushesTo(userId).length < count; attempt++) {
    await runNotificationPass(deps);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return pushesTo(userId);
}

function notificationsOf(userId: number) {
  return services.db.notification.findMany({ where: { userId }, orderBy: { id: "asc" } });
}

describe("a credited deposit", () => {
  it("makes one notification, one push with the unread count, and the mail chosen by default", async () => {
    const trader = await newTrader("notify-deposit");
    await creditDeposit(trader.id, 12_550_000_000n);

    const [push, ...more] = await passUntilPushed(trader.id, 1);
    expect(more).toEqual([]);
    expect(push?.notification).toMatchObject({
      type: "deposit.credited",
      params: { asset: "USDT", amount: "125.5" },
      read: false,
    });
    expect(push?.unread).toBe(1);
    const rows = await notificationsOf(trader.id);
    expect(rows).toHaveLength(1);

    const mail = await latestMailTo(trader.email, { subject: /Deposit credited/ });
    expect(mail.subject).toBe("Deposit credited: 125.5 USDT");
    expect(mail.text).toContain("/notifications");
    await expect(notificationsOf(trader.id)).resolves.toMatchObject([{ mailPending: false }]);
  });

  it("is notified once however often it is read again: more passes, a cursor set back to the start", async () => {
    const trader = await newTrader("notify-replay");
    await creditDeposit(trader.id, 100_000_000n);
    await passUntilPushed(trader.id, 1);

    await runNotificationPass(deps);
    await services.db.notificationCursor.updateMany({ data: { position: 0n } });
    await runNotificationPass(deps);
    await runNotificationPass(deps);

    expect(await notificationsOf(trader.id)).toHaveLength(1);
    expect(pushesTo(trader.id)).toHaveLength(1);
    expect(await mailsTo(trader.email)).toHaveLength(1);
  });

  it("comes without a mail once the trader turned that mail off, in their language", async () => {
    const trader = await newTrader("notify-nomail", "zh-CN");
    const api = callTraderApi(services, { kind: "user", userId: trader.id });
    const choices = await api.notifications.setMailChoice({
      type: "deposit.credited",
      mail: false,
    });
    expect(choices.find((c) => c.type === "deposit.credited")).toMatchObject({ mail: false });

    await creditDeposit(trader.id, 100_000_000n);
    await passUntilPushed(trader.id, 1);
    expect(await notificationsOf(trader.id)).toMatchObject([{ mailPending: false }]);

    // Turned back on, the next deposit is mailed, in Chinese.
    await api.notifications.setMailChoice({ type: "deposit.credited", mail: true });
    await creditDeposit(trader.id, 200_000_000n);
    await passUntilPushed(trader.id, 2);
    const mail = await latestMailTo(trader.email);
    expect(mail.subject).toBe("充值已到账：2 USDT");
    expect(await mailsTo(trader.email)).toHaveLength(1);
  });
});

describe("a withdrawal", () => {
  /** A USDT withdrawal of the user's in `state`, as the wallet domain leaves it. */
  function withdrawal(userId: number, state: "BROADCAST" | "REJECTED") {
    const now = new Date();
    return services.db.withdrawal.create({
      data: {
        id: crypto.randomUUID(),
        userId,
        chainKey: "evm-local",
        assetCode: "USDT",
        toAddress: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        amountAtoms: "5000000000",
        feeAtoms: "100000000",
        requestKey: crypto.randomUUID(),
        status: state,
        requiredApprovals: 1,
        riskFlags: [],
        ...(state === "BROADCAST"
          ? { approvedAt: now, broadcastAt: now, txHash: "0xabc" }
          : { rejectReason: "Address under review", endedAt: now }),
      },
    });
  }

  it("sent: one notification naming the address, mailed by default", async () => {
    const trader = await newTrader("notify-sent");
    await withdrawal(trader.id, "BROADCAST");
    const [push] = await passUntilPushed(trader.id, 1);
    expect(push?.notification).toMatchObject({
      type: "withdrawal.sent",
      params: {
        asset: "USDT",
        amount: "50",
        address: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
      },
    });
    const mail = await latestMailTo(trader.email);
    expect(mail.subject).toBe("Withdrawal sent: 50 USDT");
  });

  it("rejected: one notification with finance's reason; its mail is the wallet's own", async () => {
    const trader = await newTrader("notify-rejected");
    await withdrawal(trader.id, "REJECTED");
    const [push] = await passUntilPushed(trader.id, 1);
    expect(push?.notification).toMatchObject({
      type: "withdrawal.rejected",
      params: { reason: "Address under review" },
    });
    await runNotificationPass(deps);
    expect(await notificationsOf(trader.id)).toMatchObject([{ mailPending: false }]);
    expect(await mailsTo(trader.email)).toEqual([]);
  });
});

describe("a KYC decision", () => {
  async function decided(decision: "approve" | "reject") {
    const trader = await newTrader(`notify-kyc-${decision}`);
    const submission = await submitKyc(services, trader.id, {
      fields: { ...KYC_FIXTURE_FIELDS },
      files: kycFixtureFiles(),
    });
    const officer = await services.db.staff.findFirstOrThrow({
      where: { email: "compliance@exchange.local" },
    });
    const compliance = callAdminApi(services, staffActor(officer.id, "COMPLIANCE"));
    if (decision === "approve") await compliance.kyc.approve({ id: submission.id });
    else await compliance.kyc.reject({ id: submission.id, reason: "The photo is blurred" });
    return trader;
  }

  it("approved: one notification and one push, read by the trader's procedures", async () => {
    const trader = await decided("approve");
    const received = await passUntilPushed(trader.id, 1);
    expect(received.map((p) => p.notification.type)).toEqual(["kyc.approved"]);
    expect(received[0]?.notification.params).toEqual({ level: "1" });

    const api = callTraderApi(services, { kind: "user", userId: trader.id });
    const page = await api.notifications.list({});
    expect(page.unread).toBe(1);
    expect(page.notifications).toHaveLength(1);
    // The decision's mail is the KYC domain's own, sent once: the pass adds none.
    await latestMailTo(trader.email, { subject: /verified/ });
    expect(await mailsTo(trader.email)).toHaveLength(1);
    expect(await notificationsOf(trader.id)).toMatchObject([{ mailPending: false }]);

    await expect(
      api.notifications.markRead({ id: page.notifications[0]?.id ?? "" }),
    ).resolves.toEqual({ unread: 0 });
    await expect(api.notifications.unread()).resolves.toEqual({ unread: 0 });
  });

  it("rejected: one notification carrying the reason", async () => {
    const trader = await decided("reject");
    const [push] = await passUntilPushed(trader.id, 1);
    expect(push?.notification).toMatchObject({
      type: "kyc.rejected",
      params: { reason: "The photo is blurred" },
    });
    await runNotificationPass(deps);
    expect(await notificationsOf(trader.id)).toHaveLength(1);
  });
});

describe("a fill", () => {
  /** A BTCUSDT trade between the two, as the projector records one (at 60000 USDT). */
  function trade(tradeId: number, taker: TestUser, maker: TestUser, qtyLots: bigint) {
    return {
      tradeId,
      symbol: "BTCUSDT",
      priceTicks: "6000000",
      qtyLots: qtyLots.toString(),
      // 60000 USDT × lots of 0.00001 BTC, in atoms of 10^-8 USDT.
      quoteAtoms: (qtyLots * 60_000n * 1_000n).toString(),
      takerSide: "buy",
      takerOrderId: tradeId,
      takerUserId: taker.id,
      takerFeeAtoms: "0",
      takerFeeAsset: "BTC",
      makerOrderId: tradeId + 1,
      makerUserId: maker.id,
      makerFeeAtoms: "0",
      makerFeeAsset: "USDT",
      seq: 1n,
      executedAt: new Date(),
    };
  }

  it("notifies both sides when its value reaches the quote asset's line, and only then", async () => {
    const buyer = await newTrader("notify-buyer");
    const seller = await newTrader("notify-seller");
    // Ids far above any the engine gives in this run; removed afterwards for the books' sake.
    const id = 2_000_000_000 + Math.floor(Math.random() * 1_000_000);
    await services.db.trade.createMany({
      data: [trade(id, buyer, seller, 25_000n), trade(id + 2, buyer, seller, 100n)],
    });
    try {
      const [bought] = await passUntilPushed(buyer.id, 1);
      const [sold] = await passUntilPushed(seller.id, 1);
      expect(bought?.notification).toMatchObject({
        type: "order.largeFill",
        params: {
          symbol: "BTCUSDT",
          side: "buy",
          quantity: "0.25",
          price: "60000",
          quoteAmount: "15000",
          quoteAsset: "USDT",
        },
      });
      expect(sold?.notification.params.side).toBe("sell");
      await runNotificationPass(deps);
      // The 60 USDT fill is under the 10000 USDT line: no notification of it.
      expect(await notificationsOf(buyer.id)).toHaveLength(1);
      expect(await notificationsOf(seller.id)).toHaveLength(1);
      // Large fills are not mailed unless the trader asks.
      expect(await mailsTo(buyer.email)).toEqual([]);
    } finally {
      await services.db.trade.deleteMany({ where: { tradeId: { in: [id, id + 2] } } });
    }
  });
});

describe("the trader's notification procedures", () => {
  it("list newest first a page at a time, and mark all read", async () => {
    const trader = await newTrader("notify-pages");
    for (const atoms of [100_000_000n, 200_000_000n, 300_000_000n]) {
      await creditDeposit(trader.id, atoms);
    }
    await passUntilPushed(trader.id, 3);
    const api = callTraderApi(services, { kind: "user", userId: trader.id });
    const first = await api.notifications.list({ limit: 2 });
    expect(first.unread).toBe(3);
    expect(first.notifications).toHaveLength(2);
    expect(first.nextBefore).toBeDefined();
    const second = await api.notifications.list({ limit: 2, before: first.nextBefore });
    expect(second.notifications).toHaveLength(1);
    expect(second.nextBefore).toBeUndefined();
    const ids = [...first.notifications, ...second.notifications].map((n) => BigInt(n.id));
    expect(ids).toEqual([...ids].sort((a, b) => (a > b ? -1 : 1)));

    await expect(api.notifications.markAllRead()).resolves.toEqual({ unread: 0 });
    const after = await api.notifications.list({ unreadOnly: true });
    expect(after.notifications).toEqual([]);
  });

  it("refuse to turn off a security mail", async () => {
    const trader = await newTrader("notify-security");
    const api = callTraderApi(services, { kind: "user", userId: trader.id });
    await expect(
      api.notifications.setMailChoice({ type: "kyc.rejected", mail: false }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const choices = await api.notifications.mailChoices();
    expect(choices.find((c) => c.type === "kyc.rejected")).toEqual({
      type: "kyc.rejected",
      mail: true,
      locked: true,
    });
  });
});

describe("announcements", () => {
  it("are shown to readers of the languages they are written in, within their window, audited", async () => {
    const officer = await services.db.staff.findFirstOrThrow({
      where: { email: "operations@exchange.local" },
    });
    const operations = callAdminApi(services, staffActor(officer.id, "OPERATIONS"));
    const title = `Maintenance ${crypto.randomUUID()}`;
    const created = await operations.announcements.create({
      titleEn: title,
      bodyEn: "Deposits pause at 02:00 UTC.",
    });
    expect(created.state).toBe("LIVE");
    const later = await operations.announcements.create({
      titleZh: "下周上线新市场",
      bodyZh: "敬请期待。",
      startsAt: new Date(Date.now() + 3_600_000),
    });
    expect(later.state).toBe("SCHEDULED");

    const visitor = callTraderApi(services);
    const english = await visitor.announcements.live({ locale: "en" });
    expect(english.map((a) => a.title)).toContain(title);
    const chinese = await visitor.announcements.live({ locale: "zh-CN" });
    expect(chinese.map((a) => a.id)).not.toContain(created.id);
    expect(chinese.map((a) => a.id)).not.toContain(later.id);

    await operations.announcements.end({ id: created.id });
    expect((await visitor.announcements.live({ locale: "en" })).map((a) => a.id)).not.toContain(
      created.id,
    );
    const audit = await services.db.auditLog.findMany({
      where: { targetType: "announcement", targetId: String(created.id) },
      orderBy: { id: "asc" },
    });
    expect(audit.map((row) => row.action)).toEqual(["announcement.create", "announcement.end"]);
    expect(audit[0]?.actorId).toBe(String(officer.id));
  });

  it("refuse a title without its text, and nothing is written", async () => {
    const officer = await services.db.staff.findFirstOrThrow({
      where: { email: "operations@exchange.local" },
    });
    const operations = callAdminApi(services, staffActor(officer.id, "OPERATIONS"));
    const before = await services.db.announcement.count();
    await expect(
      operations.announcements.create({ titleEn: "Only a title" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await services.db.announcement.count()).toBe(before);
  });
});

describe("a loan", () => {
  /** An open loan of the user's (as the projector leaves one) maturing at `maturesAt`. */
  async function openLoan(userId: number, maturesAt: Date) {
    const product =
      (await services.db.loanProduct.findFirst({ include: { versions: true } })) ??
      (await services.db.loanProduct.create({
        data: {
          collateralAsset: "BTC",
          loanAsset: "USDT",
          currentVersion: 1,
          versions: {
            create: {
              version: 1,
              name: "USDT against BTC, 30 days",
              initialLtvPpm: 800_000,
              warningLinePpm: 850_000,
              liquidationLinePpm: 830_000,
              effectiveLiquidationLinePpm: 820_000,
              liquidationFeePpm: 20_000,
              interestPeriod: "DAY",
              ratePpm: "500",
              termDays: 30,
              minLoanAtoms: "10000000000",
              maxLoanAtoms: "100000000000000",
              kycLevel: 0,
            },
          },
        },
        include: { versions: true },
      }));
    const version = product.versions[0];
    if (!version) throw new Error("no loan product version");
    return services.db.loan.create({
      data: {
        id: crypto.randomUUID(),
        userId,
        productVersionId: version.id,
        collateralAsset: "BTC",
        loanAsset: "USDT",
        principalAtoms: "1800000000000",
        interestAtoms: "900000000",
        collateralAtoms: "100000000",
        initialLtvPpm: 800_000,
        warningLtvPpm: 941_177,
        liquidationLtvPpm: 975_610,
        liquidationFeePpm: 20_000,
        status: "OPEN",
        openedAt: new Date(maturesAt.getTime() - 30 * 86_400_000),
        maturesAt,
      },
    });
  }

  it("a day before its maturity: one notice, pushed and mailed, however often the pass runs; none for a loan further off", async () => {
    const trader = await newTrader("notify-maturing");
    const hour = 3_600_000;
    // Its notice time (a day before) has just come; the source reads from its cursor on.
    const soon = await openLoan(trader.id, new Date(Date.now() + 24 * hour - 5_000));
    await openLoan(trader.id, new Date(Date.now() + 25 * hour));

    const [push, ...more] = await passUntilPushed(trader.id, 1);
    expect(more).toEqual([]);
    expect(push?.notification).toMatchObject({
      type: "loan.maturing",
      params: {
        collateralAsset: "BTC",
        loanAsset: "USDT",
        debt: "18009",
        maturesAt: String(soon.maturesAt?.getTime()),
      },
    });
    const mail = await latestMailTo(trader.email, { subject: /matures within a day/ });
    expect(mail.text).toContain("Your loan of 18009 USDT against BTC matures at");

    await runNotificationPass(deps);
    await runNotificationPass(deps);
    expect(await notificationsOf(trader.id)).toHaveLength(1);
    expect(pushesTo(trader.id)).toHaveLength(1);
  });

  it("warned by the loan monitor: the bell is pushed, and the mail follows the trader's choice", async () => {
    const quiet = await newTrader("notify-warning-quiet");
    const api = callTraderApi(services, { kind: "user", userId: quiet.id });
    await api.notifications.setMailChoice({ type: "loan.warning", mail: false });
    const chosen = await newTrader("notify-warning-mailed");
    const params = {
      collateralAsset: "BTC",
      loanAsset: "USDT",
      ltv: "94.74",
      indexPrice: "19000",
      liquidationPrice: "18450",
    };
    // As the monitor writes it: owing a mail, in its own transaction, pushed by nobody.
    for (const user of [quiet, chosen]) {
      await services.db.notification.create({
        data: {
          userId: user.id,
          type: "loan.warning",
          params,
          eventKey: `loan.warning:${crypto.randomUUID()}:1`,
          mailPending: true,
        },
      });
    }

    for (const user of [quiet, chosen]) {
      const [push] = await passUntilPushed(user.id, 1);
      expect(push?.notification).toMatchObject({ type: "loan.warning", params });
      expect(push?.unread).toBe(1);
    }
    const mail = await latestMailTo(chosen.email, { subject: /warning line/ });
    expect(mail.text).toContain("your loan's LTV is 94.74 %");
    await runNotificationPass(deps);
    expect(await notificationsOf(quiet.id)).toMatchObject([{ mailPending: false }]);
    expect(await mailsTo(quiet.email)).toHaveLength(0);
  });
});
