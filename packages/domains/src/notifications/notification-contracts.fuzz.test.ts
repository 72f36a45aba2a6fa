import { NOTIFICATION_TYPES } from "@exchange/contracts/notification";
import {
  extremeNumber,
  fuzz,
  hostileJsonValue,
  hostileString,
  idBeyondInt32,
  nearlyValidObject,
} from "@exchange/protocol/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isStorableText } from "../input-bounds";
import {
  ZCreateAnnouncementInput,
  ZEndAnnouncementInput,
  ZTraderAnnouncementsInput,
} from "./announcement-contracts";
import {
  ZListNotificationsInput,
  ZMarkReadInput,
  ZSetMailChoiceInput,
} from "./notification-contracts";

/**
 * The notification centre's and the announcements' entry points under generated input: each
 * schema refuses (a typed BAD_REQUEST) or gives the service values it can use as they are.
 */

const plausible = fc.oneof(
  fc.constantFrom("1", "42", "9223372036854775807", "9223372036854775808", "0", "-1", "01", ""),
  fc.constantFrom(1, 20, 100, 101, 0, -1, true, false),
  fc.constantFrom(...Object.keys(NOTIFICATION_TYPES), "loan.warning", "DEPOSIT.CREDITED"),
  fc.constantFrom("en", "zh-CN", "fr"),
  fc.constantFrom("Maintenance tonight", "系统维护", " ", "x".repeat(201), "y".repeat(4001)),
  fc.date({ min: new Date(-1e14), max: new Date(1e15), noInvalidDate: false }),
  hostileString({ maxLength: 40 }),
  extremeNumber(),
  idBeyondInt32(),
);

const input = (keys: string[]) =>
  fc.oneof(
    { arbitrary: nearlyValidObject(keys, plausible), weight: 8 },
    { arbitrary: hostileJsonValue(), weight: 1 },
  );

const BIGINT_MAX = 9_223_372_036_854_775_807n;

describe("notification inputs", () => {
  it("give the trader's procedures an id a BIGINT holds, a bounded page, a known type", async () => {
    await fuzz(
      fc.property(input(["id", "before", "limit", "unreadOnly", "type", "mail"]), (raw) => {
        const list = ZListNotificationsInput.safeParse(raw);
        if (list.success) {
          expect(list.data.limit).toBeGreaterThanOrEqual(1);
          expect(list.data.limit).toBeLessThanOrEqual(100);
          if (list.data.before !== undefined) {
            expect(BigInt(list.data.before) <= BIGINT_MAX).toBe(true);
            expect(BigInt(list.data.before) > 0n).toBe(true);
          }
        }
        const read = ZMarkReadInput.safeParse(raw);
        if (read.success) {
          const id = BigInt(read.data.id);
          expect(id > 0n && id <= BIGINT_MAX).toBe(true);
        }
        const choice = ZSetMailChoiceInput.safeParse(raw);
        if (choice.success) {
          expect(Object.keys(NOTIFICATION_TYPES)).toContain(choice.data.type);
          expect(typeof choice.data.mail).toBe("boolean");
        }
      }),
      1_000,
    );
  });

  it("give operations' announcements storable text in a complete language and a real window", async () => {
    await fuzz(
      fc.property(
        input(["titleEn", "bodyEn", "titleZh", "bodyZh", "startsAt", "endsAt", "id", "locale"]),
        (raw) => {
          const created = ZCreateAnnouncementInput.safeParse(raw);
          if (created.success) {
            const a = created.data;
            const english = a.titleEn !== undefined && a.bodyEn !== undefined;
            const chinese = a.titleZh !== undefined && a.bodyZh !== undefined;
            expect(english || chinese).toBe(true);
            expect(a.titleEn === undefined).toBe(a.bodyEn === undefined);
            expect(a.titleZh === undefined).toBe(a.bodyZh === undefined);
            for (const text of [a.titleEn, a.bodyEn, a.titleZh, a.bodyZh]) {
              if (text === undefined) continue;
              expect(isStorableText(text)).toBe(true);
              expect(text.trim()).toBe(text);
              expect(text.length).toBeGreaterThan(0);
            }
            expect((a.titleEn ?? "").length).toBeLessThanOrEqual(200);
            expect((a.bodyEn ?? "").length).toBeLessThanOrEqual(4000);
            if (a.startsAt && a.endsAt) expect(a.endsAt > a.startsAt).toBe(true);
          }
          const ended = ZEndAnnouncementInput.safeParse(raw);
          if (ended.success) expect(ended.data.id).toBeLessThanOrEqual(2_147_483_647);
          const live = ZTraderAnnouncementsInput.safeParse(raw);
          if (live.success) expect(["en", "zh-CN"]).toContain(live.data.locale);
        },
      ),
      1_000,
    );
  });
});
