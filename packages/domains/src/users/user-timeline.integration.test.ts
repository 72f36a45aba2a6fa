/**
 * A user's timeline as compliance reads it, against the run's database: every kind of entry in
 * one list newest first, another user's entries never in it, a filter by kind, and pages that
 * follow each other without a gap or a repeat although entries share a millisecond.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../services";
import { closeServices, testServices } from "../testing/test-services";
import { createTestUser } from "../testing/test-users";
import { findUserTimeline } from "./user-timeline";

let services: Services;
let userId: number;
let staffId: number;

const T0 = new Date("2026-12-06T08:00:00.000Z").getTime();
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

beforeAll(async () => {
  services = await testServices();
  userId = (await createTestUser(services.db, { tag: "timeline" })).id;
  const other = (await createTestUser(services.db, { tag: "timeline-other" })).id;
  staffId = (
    await services.db.staff.create({
      data: {
        email: `timeline-${crypto.randomUUID()}@exchange.local`,
        name: "Compliance",
        passwordHash: "x",
        roles: ["COMPLIANCE"],
      },
    })
  ).id;
  const submission = await services.db.kycSubmission.create({
    data: {
      userId,
      legalName: "Tim Line",
      dateOfBirth: new Date("1990-01-01"),
      country: "GB",
      documentType: "PASSPORT",
      documentNumber: "X1",
      createdAt: at(2),
    },
  });
  const user = { targetType: "user", targetId: String(userId) };
  await services.db.auditLog.createMany({
    data: [
      {
        actorType: "USER",
        actorId: String(userId),
        action: "user.logged_in",
        ...user,
        ip: "203.0.113.7",
        userAgent: "Firefox on Linux",
        createdAt: at(1),
      },
      {
        actorType: "SYSTEM",
        action: "user.login_failed",
        ...user,
        ip: "198.51.100.9",
        after: { reason: "wrong-password" },
        createdAt: at(1),
      },
      {
        actorType: "USER",
        actorId: String(userId),
        action: "kyc.submit",
        targetType: "kyc_submission",
        targetId: String(submission.id),
        createdAt: at(2),
      },
      {
        actorType: "STAFF",
        actorId: String(staffId),
        action: "kyc.approve",
        targetType: "kyc_submission",
        targetId: String(submission.id),
        after: { status: "APPROVED" },
        createdAt: at(3),
      },
      {
        actorType: "USER",
        actorId: String(userId),
        action: "order.placed",
        targetType: "order",
        targetId: "77",
        after: { symbol: "BTCUSDT", side: "buy" },
        ip: "203.0.113.7",
        createdAt: at(4),
      },
      {
        actorType: "USER",
        actorId: String(userId),
        action: "order.cancelled",
        targetType: "order",
        targetId: "77",
        createdAt: at(4),
      },
      {
        actorType: "STAFF",
        actorId: String(staffId),
        action: "user.restricted",
        ...user,
        after: { restriction: "TRADING", reason: "Review." },
        ip: "10.0.0.5",
        createdAt: at(5),
      },
      // Another user's entries must never show.
      {
        actorType: "USER",
        actorId: String(other),
        action: "user.logged_in",
        targetType: "user",
        targetId: String(other),
        createdAt: at(6),
      },
    ],
  });
});

afterAll(async () => {
  await closeServices(services);
});

describe("a user's timeline", () => {
  it("merges log-ins, failed log-ins, KYC, orders and staff actions newest first, with address and browser", async () => {
    const { entries, nextCursor } = await findUserTimeline(services, { userId });
    expect(nextCursor).toBeNull();
    expect(entries.map((e) => [e.kind, e.action])).toEqual([
      ["STAFF", "user.restricted"],
      // Of one millisecond, the later written first.
      ["ORDER", "order.cancelled"],
      ["ORDER", "order.placed"],
      ["KYC", "kyc.approve"],
      ["KYC", "kyc.submit"],
      ["LOGIN", "user.login_failed"],
      ["LOGIN", "user.logged_in"],
    ]);
    expect(entries.find((e) => e.action === "user.logged_in")).toMatchObject({
      ip: "203.0.113.7",
      userAgent: "Firefox on Linux",
      actor: "USER",
    });
    expect(entries[0]?.details).toContainEqual({ name: "reason", value: "Review." });
  });

  it("filters by kind", async () => {
    const { entries } = await findUserTimeline(services, { userId, kinds: ["LOGIN", "STAFF"] });
    expect(entries.map((e) => e.action)).toEqual([
      "user.restricted",
      "user.login_failed",
      "user.logged_in",
    ]);
  });

  it("pages without a gap or a repeat, entries of the same millisecond included", async () => {
    const all = (await findUserTimeline(services, { userId })).entries.map((e) => e.key);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await findUserTimeline(services, {
        userId,
        limit: 2,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.entries.map((e) => e.key));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all);
  });
});
