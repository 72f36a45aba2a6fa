import {
  extremeDecimal,
  extremeNumber,
  fuzz,
  hostileJsonValue,
  hostileString,
  idBeyondInt32,
  nearlyValidObject,
} from "@exchange/protocol/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ZSubscribeInput,
  ZSubscriptionIdInput,
  ZSubscriptionPageInput,
  ZSubscriptionPreviewInput,
} from "./subscription-contracts";

/**
 * The trader's savings entry points under generated input: a schema either refuses (answered as
 * a typed BAD_REQUEST) or hands the service what it can use as it is — an instance id a Postgres
 * INTEGER holds, an amount of at most 80 characters with no surrounding space (the service
 * parses it exactly), a UUID for a subscription or a request key, a page of 1 to 100.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INT4_MAX = 2_147_483_647;

const plausible = fc.oneof(
  fc.constantFrom(1, 42, 0, -1, INT4_MAX, INT4_MAX + 1, 100, 101, true, false),
  fc.constantFrom("100", " 10.5 ", "0", "-1", "1e3", "", " ", "x".repeat(81)),
  fc.constantFrom(crypto.randomUUID(), "not-a-uuid", `${crypto.randomUUID()} `),
  extremeDecimal(),
  hostileString({ maxLength: 40 }),
  extremeNumber(),
  idBeyondInt32(),
);

const input = (keys: string[]) =>
  fc.oneof(
    { arbitrary: nearlyValidObject(keys, plausible), weight: 8 },
    { arbitrary: hostileJsonValue(), weight: 1 },
  );

function expectInstanceId(id: number) {
  expect(Number.isInteger(id)).toBe(true);
  expect(id).toBeGreaterThanOrEqual(1);
  expect(id).toBeLessThanOrEqual(INT4_MAX);
}

function expectAmountText(amount: string) {
  expect(amount.length).toBeGreaterThanOrEqual(1);
  expect(amount.length).toBeLessThanOrEqual(80);
  expect(amount).toBe(amount.trim());
}

describe("savings inputs", () => {
  it("give subscribe and preview an instance id, a trimmed bounded amount and a UUID key, or refuse", async () => {
    await fuzz(
      fc.property(input(["instanceId", "amount", "requestKey"]), (raw) => {
        const subscribe = ZSubscribeInput.safeParse(raw);
        if (subscribe.success) {
          expectInstanceId(subscribe.data.instanceId);
          expectAmountText(subscribe.data.amount);
          expect(subscribe.data.requestKey).toMatch(UUID);
        }
        const preview = ZSubscriptionPreviewInput.safeParse(raw);
        if (preview.success) {
          expectInstanceId(preview.data.instanceId);
          expectAmountText(preview.data.amount);
        }
      }),
      2_000,
    );
  });

  it("give the subscription procedures a UUID and a page of 1 to 100, or refuse", async () => {
    await fuzz(
      fc.property(input(["id", "cursor", "limit"]), (raw) => {
        const one = ZSubscriptionIdInput.safeParse(raw);
        if (one.success) expect(one.data.id).toMatch(UUID);
        const page = ZSubscriptionPageInput.safeParse(raw);
        if (page.success) {
          expect(page.data.limit).toBeGreaterThanOrEqual(1);
          expect(page.data.limit).toBeLessThanOrEqual(100);
          if (page.data.cursor !== undefined) expect(page.data.cursor).toMatch(UUID);
        }
      }),
      2_000,
    );
  });
});
