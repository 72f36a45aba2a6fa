import { describe, expect, it } from "vitest";
import { BinaryCopyRows } from "./binary-copy";

/** Reads back the one row of a one-field payload: the field's bytes, or null. */
function onlyField(payload: Buffer): Buffer | null {
  const header = 11 + 4 + 4;
  expect(payload.subarray(0, 11).toString("latin1")).toBe("PGCOPY\n\xff\r\n\0");
  expect(payload.readInt16BE(header)).toBe(1);
  const length = payload.readInt32BE(header + 2);
  expect(payload.readInt16BE(payload.length - 2)).toBe(-1);
  return length < 0 ? null : payload.subarray(header + 6, header + 6 + length);
}

/** PostgreSQL's numeric_recv, for integers: the value the server will store. */
function decodeNumeric(field: Buffer): bigint {
  const count = field.readInt16BE(0);
  const weight = field.readInt16BE(2);
  const sign = field.readUInt16BE(4);
  expect(field.readInt16BE(6)).toBe(0);
  let value = 0n;
  for (let i = 0; i <= weight; i++) {
    const digit = i < count ? field.readInt16BE(8 + 2 * i) : 0;
    expect(digit).toBeGreaterThanOrEqual(0);
    expect(digit).toBeLessThan(10_000);
    value = value * 10_000n + BigInt(digit);
  }
  if (count > 0) expect(field.readInt16BE(8 + 2 * (count - 1))).not.toBe(0);
  return sign === 0x4000 ? -value : value;
}

const numericField = (value: bigint) =>
  onlyField(new BinaryCopyRows(1).row().numeric(value).finish());

describe("binary COPY rows", () => {
  it("stores every integer amount exactly, whatever its size and sign", () => {
    const values = [
      0n,
      1n,
      -1n,
      9_999n,
      10_000n,
      -10_000n,
      123_456_789n,
      100_000_000n,
      99_999_945_000_198n,
      BigInt(Number.MAX_SAFE_INTEGER),
      BigInt(Number.MAX_SAFE_INTEGER) + 1n,
      -(2n ** 63n),
      10n ** 36n,
      10n ** 39n + 7n,
      -(10n ** 40n - 1n),
    ];
    for (const value of values) {
      expect(decodeNumeric(numericField(value) as Buffer)).toBe(value);
    }
  });

  it("writes timestamps as microseconds since 2000-01-01 UTC", () => {
    const at = new Date("2026-12-06T03:04:05.678Z");
    const field = onlyField(new BinaryCopyRows(1).row().timestamp(at).finish()) as Buffer;
    const micros = field.readBigInt64BE(0);
    expect(micros).toBe(BigInt(at.getTime() - Date.UTC(2000, 0, 1)) * 1000n);
    const before = new Date("1999-12-31T23:59:59.999Z");
    const early = onlyField(new BinaryCopyRows(1).row().timestamp(before).finish()) as Buffer;
    expect(early.readBigInt64BE(0)).toBe(-1000n);
  });

  it("writes text as UTF-8, whatever its characters, and null as no value", () => {
    for (const text of ["", "c997", "ordre-é", "注文-🚀", "x".repeat(200), "é".repeat(100)]) {
      const field = onlyField(new BinaryCopyRows(1).row().text(text).finish()) as Buffer;
      expect(field.toString("utf8")).toBe(text);
    }
    expect(onlyField(new BinaryCopyRows(1).row().text(null).finish())).toBeNull();
  });

  it("grows past its first buffer without losing a row", () => {
    const rows = new BinaryCopyRows(2);
    const count = 50_000; // about 1.6 MB: past the first 1 MB buffer
    for (let i = 0; i < count; i++)
      rows
        .row()
        .int8(i * 2 ** 33)
        .text(`business-${i}`);
    const payload = rows.finish();
    expect(rows.rowCount).toBe(count);
    const read: Array<[number, string]> = [];
    let at = 19;
    while (payload.readInt16BE(at) === 2) {
      const length = payload.readInt32BE(at + 14);
      read.push([
        Number(payload.readBigInt64BE(at + 6)),
        payload.toString("utf8", at + 18, at + 18 + length),
      ]);
      at += 18 + length;
    }
    expect(payload.readInt16BE(at)).toBe(-1);
    expect(at + 2).toBe(payload.length);
    expect(read).toEqual(Array.from({ length: count }, (_, i) => [i * 2 ** 33, `business-${i}`]));
  });
});
