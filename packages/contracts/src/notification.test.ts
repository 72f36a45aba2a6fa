import { describe, expect, it } from "vitest";
import {
  isNotificationPush,
  mailWanted,
  NOTIFICATION_TYPE_NAMES,
  NOTIFICATION_TYPES,
  ZNotificationPush,
} from "./notification";

describe("notification types", () => {
  it("mail a security type whatever the trader chose", () => {
    expect(mailWanted("kyc.rejected", false)).toBe(true);
    expect(mailWanted("withdrawal.rejected", undefined)).toBe(true);
  });

  it("mail an optional type by the trader's choice, else by its default", () => {
    expect(mailWanted("deposit.credited", undefined)).toBe(true);
    expect(mailWanted("deposit.credited", false)).toBe(false);
    expect(mailWanted("order.largeFill", undefined)).toBe(false);
    expect(mailWanted("order.largeFill", true)).toBe(true);
  });

  it("name each type as domain.event", () => {
    for (const type of NOTIFICATION_TYPE_NAMES) expect(type).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    expect(NOTIFICATION_TYPE_NAMES).toHaveLength(Object.keys(NOTIFICATION_TYPES).length);
  });
});

describe("@account pushes", () => {
  const notification = {
    kind: "notification",
    notification: {
      id: "7",
      type: "deposit.credited",
      params: { asset: "USDT", amount: "5" },
      read: false,
      createdAt: 1_765_000_000_000,
    },
    unread: 3,
  };

  it("tell a notification from a fill", () => {
    expect(isNotificationPush(notification)).toBe(true);
    expect(isNotificationPush({ tradeId: 1, orderId: 2, symbol: "BTCUSDT" })).toBe(false);
    expect(isNotificationPush(null)).toBe(false);
    expect(isNotificationPush("notification")).toBe(false);
  });

  it("parse a notification with its time as a Date", () => {
    const parsed = ZNotificationPush.parse(notification);
    expect(parsed.notification.createdAt).toBeInstanceOf(Date);
    expect(parsed.unread).toBe(3);
  });
});
