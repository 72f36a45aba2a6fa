/**
 * PostgreSQL's binary COPY format for the journal's rows (seq bigint, command_id text, command
 * text, ok boolean, outcome text): a signature, then per row a field count and each field as
 * length + bytes, then a -1 trailer. Text fields are their UTF-8 bytes as they are, so nothing
 * is escaped and each string is encoded once, straight into one buffer for the whole batch.
 * https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.4
 */
import type { JournalEntry } from "./journal";

const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");
/** Signature, flags (int32 0) and header extension length (int32 0). */
const HEADER_BYTES = SIGNATURE.length + 8;
const FIELDS = 5;
/** Per row: field count (int16), four length words (int32), seq (int64), ok (1 byte). */
const FIXED_ROW_BYTES = 2 + 4 * FIELDS + 8 + 1;
/** The most a kept buffer grows to: a normal batch fits many times over. */
const KEPT_BYTES_MAX = 64 * 1024 * 1024;

/**
 * Encodes batches into one buffer it reuses (the engine journals one batch at a time), writing
 * each text once: the buffer is sized for the worst case of three UTF-8 bytes per UTF-16 unit,
 * so no text is measured first and none can be cut short.
 */
export class JournalCopyEncoder {
  private buffer = Buffer.allocUnsafe(0);
  private inUse = false;

  /** The batch's COPY data; `release()` once it has been written, before the next `encode`. */
  encode(entries: readonly JournalEntry[]): Buffer {
    let worstCase = HEADER_BYTES + 2;
    for (const e of entries) {
      worstCase += FIXED_ROW_BYTES + 3 * (e.commandId.length + e.command.length + e.outcome.length);
    }
    // Overlapping appends (never the engine's) get a buffer of their own; so does a batch that
    // would grow the kept one past KEPT_BYTES_MAX (a backlog read at once).
    if (this.inUse || worstCase > KEPT_BYTES_MAX) {
      return encodeInto(Buffer.allocUnsafe(worstCase), entries);
    }
    if (this.buffer.length < worstCase) {
      this.buffer = Buffer.allocUnsafe(
        Math.min(KEPT_BYTES_MAX, Math.max(worstCase, 2 * this.buffer.length)),
      );
    }
    const data = encodeInto(this.buffer, entries);
    this.inUse = true;
    return data;
  }

  /** The batch is written: its buffer may hold the next one. */
  release(data: Buffer): void {
    if (this.owns(data)) this.inUse = false;
  }

  /** The write failed: its socket may still hold the buffer, so it is never written again. */
  discard(data: Buffer): void {
    if (!this.owns(data)) return;
    this.buffer = Buffer.allocUnsafe(0);
    this.inUse = false;
  }

  private owns(data: Buffer): boolean {
    return data.buffer === this.buffer.buffer && data.byteOffset === this.buffer.byteOffset;
  }
}

/** The batch's COPY data at the start of `out` (large enough for the worst case). */
function encodeInto(out: Buffer, entries: readonly JournalEntry[]): Buffer {
  SIGNATURE.copy(out, 0);
  let at = out.writeInt32BE(0, SIGNATURE.length);
  at = out.writeInt32BE(0, at);
  for (const e of entries) {
    at = out.writeInt16BE(FIELDS, at);
    at = out.writeInt32BE(8, at);
    at = out.writeBigInt64BE(BigInt(e.seq), at);
    at = writeText(out, at, e.commandId);
    at = writeText(out, at, e.command);
    at = out.writeInt32BE(1, at);
    at = out.writeUInt8(e.ok ? 1 : 0, at);
    at = writeText(out, at, e.outcome);
  }
  at = out.writeInt16BE(-1, at);
  return out.subarray(0, at);
}

/** A length word, then the text's UTF-8 bytes; returns the offset after them. */
function writeText(out: Buffer, at: number, text: string): number {
  const written = out.write(text, at + 4, "utf8");
  out.writeInt32BE(written, at);
  return at + 4 + written;
}
