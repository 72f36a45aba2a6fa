import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JournalCopyEncoder } from "./copy-binary";
import type { JournalEntry } from "./journal";

/** Reads COPY binary data back into rows, as PostgreSQL does: the test's independent reader. */
function decode(data: Buffer): JournalEntry[] {
  expect(data.subarray(0, 11).toString("latin1")).toBe("PGCOPY\n\xff\r\n\0");
  let at = 19;
  const rows: JournalEntry[] = [];
  for (;;) {
    const fields = data.readInt16BE(at);
    at += 2;
    if (fields === -1) break;
    expect(fields).toBe(5);
    const field = () => {
      const length = data.readInt32BE(at);
      const bytes = data.subarray(at + 4, at + 4 + length);
      at += 4 + length;
      return bytes;
    };
    const seq = Number(field().readBigInt64BE(0));
    const commandId = field().toString("utf8");
    const command = field().toString("utf8");
    const ok = field()[0] === 1;
    const outcome = field().toString("utf8");
    rows.push({ seq, commandId, command, ok, outcome });
  }
  expect(at).toBe(data.length);
  return rows;
}

const entry = fc.record({
  seq: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  commandId: fc.string({ minLength: 1, maxLength: 128, unit: "grapheme" }),
  command: fc.string({ maxLength: 300, unit: "binary" }),
  ok: fc.boolean(),
  outcome: fc.string({ maxLength: 2_000, unit: "grapheme" }),
});

describe("JournalCopyEncoder", () => {
  it("writes every row so that it reads back exactly, whatever its characters", () => {
    const encoder = new JournalCopyEncoder();
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 20 }), (entries) => {
        const data = encoder.encode(entries);
        expect(decode(Buffer.from(data))).toEqual(entries);
        encoder.release(data);
      }),
    );
  });

  it("gives an append that overlaps the one in flight a buffer of its own", () => {
    const encoder = new JournalCopyEncoder();
    const first = encoder.encode([
      { seq: 1, commandId: "a", command: "{}", ok: true, outcome: "x" },
    ]);
    const copy = Buffer.from(first);
    const second = encoder.encode([
      { seq: 2, commandId: "b", command: "{}", ok: false, outcome: "é" },
    ]);
    expect(Buffer.compare(first, copy)).toBe(0);
    expect(decode(second)[0]?.outcome).toBe("é");
  });
});
