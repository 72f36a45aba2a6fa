import { z } from "zod";

/**
 * Bounds of the inputs every procedure shares. Ids and cursors are refused here with a typed
 * BAD_REQUEST when they could not name a row, instead of reaching Postgres and failing there
 * as an internal error (an INTEGER column holds at most 2^31 - 1, a BIGINT 2^63 - 1).
 */
const INT4_MAX = 2_147_483_647;
const INT8_MAX = 9_223_372_036_854_775_807n;

/** The id of a row whose key is a Postgres INTEGER (users, orders, trades, KYC submissions). */
export const ZRowId = z
  .number()
  .int()
  .positive()
  .max(INT4_MAX, "No such id: ids go up to 2147483647.");

/** The id of a row whose key is a Postgres BIGINT (audit entries). */
export const ZBigRowId = z
  .bigint()
  .positive()
  .max(INT8_MAX, "No such id: ids go up to 9223372036854775807.");

/** A page cursor naming a BIGINT row (a journal position, a position event), as digits. */
export const ZBigRowCursor = z
  .string()
  .refine(
    (text) => /^\d{1,19}$/.test(text) && BigInt(text) <= INT8_MAX,
    "Not a cursor of this list.",
  );

/**
 * A date given as a filter or cursor. Postgres stores years 4713 BC to 294276 AD, JavaScript
 * dates reach 271821 BC; nothing of this exchange is dated outside these years.
 */
export const ZInputDate = z
  .date()
  .min(new Date("1970-01-01T00:00:00Z"), "Give a date after 1970.")
  .max(new Date("9999-12-31T23:59:59Z"), "Give a date before the year 10000.");

/** A market symbol as typed by a caller; the service says whether such a market exists. */
export const ZSymbolText = z.string().min(1).max(20);

/**
 * Text without NUL characters: PostgreSQL's text cannot hold one, so a NUL that reached a query
 * would fail it with a server error instead of a clear refusal.
 */
export const hasNoNul = (text: string): boolean => !text.includes("\u0000");
export const NO_NUL_MESSAGE = "Remove the NUL character (\\0) from the text.";

/**
 * Text a query can carry: no NUL (PostgreSQL refuses it) and no lone surrogate (half of a UTF-16
 * pair, which no UTF-8 encoding can hold and on which Prisma's query encoder fails).
 */
export const isStorableText = (text: string): boolean => hasNoNul(text) && !/\p{Cs}/u.test(text);
export const UNSTORABLE_TEXT_MESSAGE =
  "Remove the characters that cannot be stored (\\0 or a broken one).";
