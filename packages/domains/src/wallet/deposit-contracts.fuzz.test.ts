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
import {
  ZAcknowledgeReorgInput,
  ZDepositAddressInput,
  ZFinanceDepositsInput,
  ZMyDepositsInput,
  ZRefuseDepositInput,
} from "./deposit-contracts";

/**
 * The deposits' entry points under generated input: a schema either refuses (a ZodError, which
 * the transport answers as a typed BAD_REQUEST) or hands the service values it can use as they
 * are: an asset code of upper-case letters and digits, ids a Postgres INTEGER holds, a bounded
 * page, a reason of a few words to 500 characters.
 */

const plausible = fc.oneof(
  fc.constantFrom("ETH", "eth", " usdt ", "BTC", "", "E".repeat(13), "HELD", "CREDITED"),
  fc.constantFrom(1, 50, 200, 201, 0, -1, 2_147_483_647, 2_147_483_648, true, false),
  fc.constantFrom("Sender on the sanctions list.", "ok", " ".repeat(10), "x".repeat(501)),
  hostileString({ maxLength: 40 }),
  extremeNumber(),
  idBeyondInt32(),
);

const input = (keys: string[]) =>
  fc.oneof(
    { arbitrary: nearlyValidObject(keys, plausible), weight: 8 },
    { arbitrary: hostileJsonValue(), weight: 1 },
  );

const INT4_MAX = 2_147_483_647;

describe("deposit inputs", () => {
  it("give the trader's procedures a clean asset code and a bounded page, or refuse", async () => {
    await fuzz(
      fc.property(input(["asset", "limit"]), (raw) => {
        const address = ZDepositAddressInput.safeParse(raw);
        if (address.success) expect(address.data.asset).toMatch(/^[A-Z0-9]{1,12}$/);
        const list = ZMyDepositsInput.safeParse(raw);
        if (list.success) {
          expect(list.data.limit).toBeGreaterThanOrEqual(1);
          expect(list.data.limit).toBeLessThanOrEqual(100);
          if (list.data.asset !== undefined) expect(list.data.asset).toMatch(/^[A-Z0-9]{1,12}$/);
        }
      }),
      2_000,
    );
  });

  it("give finance's list only ids a row can have and a page of at most 200", async () => {
    await fuzz(
      fc.property(input(["status", "asset", "flagged", "userId", "beforeId", "limit"]), (raw) => {
        const parsed = ZFinanceDepositsInput.safeParse(raw);
        if (!parsed.success) return;
        for (const id of [parsed.data.userId, parsed.data.beforeId]) {
          if (id !== undefined)
            expect(Number.isInteger(id) && id >= 1 && id <= INT4_MAX).toBe(true);
        }
        expect(parsed.data.limit).toBeLessThanOrEqual(200);
      }),
      2_000,
    );
  });

  it("give a decision a real reason: trimmed, 3 to 500 characters", async () => {
    await fuzz(
      fc.property(input(["id", "reason", "note"]), (raw) => {
        for (const schema of [ZRefuseDepositInput, ZAcknowledgeReorgInput]) {
          const parsed = schema.safeParse(raw);
          if (!parsed.success) continue;
          const text = "reason" in parsed.data ? parsed.data.reason : parsed.data.note;
          expect(text).toBe(text.trim());
          expect(text.length).toBeGreaterThanOrEqual(3);
          expect(text.length).toBeLessThanOrEqual(500);
          expect(parsed.data.id).toBeLessThanOrEqual(INT4_MAX);
        }
      }),
      2_000,
    );
  });
});
