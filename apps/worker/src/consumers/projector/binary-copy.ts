/**
 * Rows in PostgreSQL's binary COPY format, built straight into one growing buffer: a signature,
 * then per row a field count and each field as a length word and its bytes, then a -1 trailer.
 * Nothing is escaped and nothing is parsed as text on the server, which is most of what an
 * INSERT over unnest() arrays costs there.
 * https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.4
 */

const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");
/** Milliseconds between the Unix epoch and PostgreSQL's (2000-01-01 00:00 UTC). */
const PG_EPOCH_MS = 946_684_800_000;
const TWO_32 = 4_294_967_296;
/** numeric's digits are base 10 000: four decimal digits each. */
const NUMERIC_BASE = 10_000;
const NUMERIC_DIGIT_CHARS = 4;
const NUMERIC_NEGATIVE = 0x4000;
/** Strings up to this length are written byte by byte when ASCII: cheaper than a native call. */
const SHORT_TEXT = 48;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

export class BinaryCopyRows {
  private buffer: Buffer;
  private view: DataView;
  private at = 0;
  private rows = 0;
  /** A numeric's base-10 000 digits, least significant first (scratch, reused). */
  private readonly digits: number[] = [];

  constructor(private readonly fieldsPerRow: number) {
    this.buffer = Buffer.allocUnsafe(1 << 20);
    this.view = viewOf(this.buffer);
    this.at += SIGNATURE.copy(this.buffer, 0);
    this.view.setInt32(this.at, 0); // flags
    this.view.setInt32(this.at + 4, 0); // header extension length
    this.at += 8;
  }

  get rowCount(): number {
    return this.rows;
  }

  /** Starts a row; exactly `fieldsPerRow` fields must follow. */
  row(): this {
    this.rows++;
    this.reserve(2);
    this.view.setInt16(this.at, this.fieldsPerRow);
    this.at += 2;
    return this;
  }

  int4(value: number): this {
    this.reserve(8);
    this.view.setInt32(this.at, 4);
    this.view.setInt32(this.at + 4, value);
    this.at += 8;
    return this;
  }

  /** A bigint column from a safe JS integer (journal seqs). */
  int8(value: number): this {
    this.reserve(12);
    this.view.setInt32(this.at, 8);
    this.at += 4;
    return this.int64Body(value);
  }

  bool(value: boolean): this {
    this.reserve(5);
    this.view.setInt32(this.at, 1);
    this.buffer[this.at + 4] = value ? 1 : 0;
    this.at += 5;
    return this;
  }

  /** A text column, or an enum (its binary form is the label's text). */
  text(value: string | null): this {
    if (value === null) return this.null();
    const length = value.length;
    this.reserve(4 + length * 3);
    const start = this.at + 4;
    let written = length <= SHORT_TEXT ? writeAscii(this.buffer, start, value) : -1;
    if (written < 0) written = this.buffer.write(value, start, "utf8");
    this.view.setInt32(this.at, written);
    this.at = start + written;
    return this;
  }

  /** A `timestamp` (without time zone) column holding the UTC wall time, as Prisma writes it. */
  timestamp(value: Date): this {
    this.reserve(12);
    this.view.setInt32(this.at, 8);
    this.at += 4;
    return this.int64Body((value.getTime() - PG_EPOCH_MS) * 1000);
  }

  /** A `numeric` column holding an integer: sign, weight and base-10 000 digits. */
  numeric(value: bigint): this {
    const negative = value < 0n;
    const magnitude = negative ? -value : value;
    const digits = this.digits;
    if (magnitude <= MAX_SAFE) digitsOfNumber(Number(magnitude), digits);
    else digitsOfDecimal(magnitude.toString(), digits);
    // Trailing zero digits are implied by the weight (PostgreSQL stores them stripped).
    let low = 0;
    while (low < digits.length && digits[low] === 0) low++;
    const count = digits.length - low;
    this.reserve(12 + 2 * count);
    const view = this.view;
    let at = this.at;
    view.setInt32(at, 8 + 2 * count);
    view.setInt16(at + 4, count);
    view.setInt16(at + 6, count === 0 ? 0 : digits.length - 1);
    view.setUint16(at + 8, negative ? NUMERIC_NEGATIVE : 0);
    view.setInt16(at + 10, 0); // display scale: an integer
    at += 12;
    for (let i = digits.length - 1; i >= low; i--, at += 2) view.setInt16(at, digits[i] as number);
    this.at = at;
    return this;
  }

  null(): this {
    this.reserve(4);
    this.view.setInt32(this.at, -1);
    this.at += 4;
    return this;
  }

  /** The whole COPY payload, trailer included; the builder is done with. */
  finish(): Buffer {
    this.reserve(2);
    this.view.setInt16(this.at, -1);
    this.at += 2;
    return this.buffer.subarray(0, this.at);
  }

  private int64Body(value: number): this {
    const high = Math.floor(value / TWO_32);
    this.view.setInt32(this.at, high);
    this.view.setUint32(this.at + 4, value - high * TWO_32);
    this.at += 8;
    return this;
  }

  private reserve(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.at + bytes));
    this.buffer.copy(grown, 0, 0, this.at);
    this.buffer = grown;
    this.view = viewOf(grown);
  }
}

function viewOf(buffer: Buffer): DataView {
  return new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** Writes `text` as bytes if it is all ASCII and returns its length; -1 (nothing kept) if not. */
function writeAscii(buffer: Buffer, at: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) return -1;
    buffer[at + i] = code;
  }
  return text.length;
}

/** Base-10 000 digits of a non-negative safe integer, least significant first. */
function digitsOfNumber(value: number, digits: number[]): void {
  digits.length = 0;
  for (let rest = value; rest > 0; rest = Math.floor(rest / NUMERIC_BASE)) {
    digits.push(rest % NUMERIC_BASE);
  }
}

/** Base-10 000 digits of a non-negative integer's decimal text, least significant first. */
function digitsOfDecimal(decimal: string, digits: number[]): void {
  digits.length = 0;
  for (let end = decimal.length; end > 0; end -= NUMERIC_DIGIT_CHARS) {
    digits.push(Number(decimal.slice(Math.max(0, end - NUMERIC_DIGIT_CHARS), end)));
  }
}
