/**
 * Generated hostile input, shared by every fuzz test of the exchange (tRPC procedures, the KYC
 * upload, engine command decoding, the WebSocket gateway, the mesh publish endpoint, the mail
 * and content sniffers, the projector). One place, so that a nasty value found for one entry
 * point is thrown at all of them.
 */
import fc from "fast-check";
import { stringifyWire } from "../codecs";

/** Strings that broke parsers, databases or templates somewhere before. */
const NASTY_STRINGS = [
  "",
  " ",
  "\u0000",
  "\uFEFF",
  "\uD800",
  "\uDFFF\uD800",
  "\u202Eevil",
  "𝕏💥👩‍👩‍👧",
  "'; DROP TABLE users; --",
  '"\\',
  "<script>alert(1)</script>",
  "../../../../etc/passwd",
  "%00%0d%0a",
  "\r\n\r\nX-Injected: 1",
  "__proto__",
  "constructor",
  "toString",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "-0",
  "1e309",
  "0x10",
  "{}",
  "[]",
  "=?UTF-8?B?=?=",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal text is the point (log4j-style lookups)
  "${jndi:ldap://x}",
];

/** Any string, weighted towards the ones that hurt: nasty constants, control and astral characters, long. */
export function hostileString(options: { maxLength?: number } = {}): fc.Arbitrary<string> {
  const maxLength = options.maxLength ?? 300;
  return fc.oneof(
    { arbitrary: fc.constantFrom(...NASTY_STRINGS), weight: 3 },
    { arbitrary: fc.string({ maxLength }), weight: 2 },
    { arbitrary: fc.string({ unit: "binary", maxLength }), weight: 2 },
    {
      arbitrary: fc.string({
        unit: fc.constantFrom("\u0000", "\n", "@", "%", "\\", "\uD800"),
        maxLength,
      }),
      weight: 1,
    },
    { arbitrary: fc.constantFrom(256, 1_025, 4_097).map((n) => "A".repeat(n)), weight: 1 },
  );
}

/** A string far beyond any field's limit (64 KiB to 1 MiB): for the top level of a request, not inside every field. */
export function hugeString(): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(65_536, 262_144, 1_048_576), fc.constantFrom("A", "é", "\u0000", "["))
    .map(([n, unit]) => unit.repeat(n));
}

/** Numbers at every boundary an id, a count or a limit can cross: int32, 2^53, NaN, ±∞, -0, fractions. */
export function extremeNumber(): fc.Arbitrary<number> {
  return fc.oneof(
    fc.constantFrom(
      0,
      -0,
      -1,
      1,
      2 ** 31 - 1,
      2 ** 31,
      -(2 ** 31) - 1,
      2 ** 32,
      2 ** 53 - 1,
      2 ** 53,
      2 ** 53 + 2,
      -(2 ** 53),
      Number.MAX_VALUE,
      Number.MIN_VALUE,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      0.5,
      1e-7,
    ),
    fc.integer(),
    fc.integer({ min: 2 ** 31, max: Number.MAX_SAFE_INTEGER }),
    fc.double(),
  );
}

/** An id beyond a Postgres INTEGER (int32) column, still a safe JavaScript integer. */
export function idBeyondInt32(): fc.Arbitrary<number> {
  return fc.integer({ min: 2 ** 31, max: Number.MAX_SAFE_INTEGER });
}

/**
 * Decimal text as users type it and attackers do not: huge and tiny magnitudes (1e45 written
 * out), long fractions, signs, exponents, separators, blanks, plus well-formed small values so
 * that some inputs pass validation and reach the engine.
 */
export function extremeDecimal(): fc.Arbitrary<string> {
  const digits = (max: number) =>
    fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 1, maxLength: max });
  return fc.oneof(
    {
      arbitrary: fc.constantFrom(
        "0",
        "0.0",
        "-1",
        "1",
        "0.00000001",
        "50000",
        "0.5",
        "1e45",
        "1E18",
        ".5",
        "5.",
        "+1",
        " 1",
        "1 ",
        "1,5",
        "1_000",
        "0x1F",
        "Infinity",
        "NaN",
        "-0",
        "00001",
        "1..2",
      ),
      weight: 3,
    },
    { arbitrary: fc.nat({ max: 80 }).map((zeros) => `1${"0".repeat(zeros)}`), weight: 3 },
    {
      arbitrary: fc
        .tuple(digits(60), digits(40))
        .map(([whole, fraction]) => `${whole}.${fraction}`),
      weight: 2,
    },
    {
      arbitrary: fc
        .tuple(fc.boolean(), digits(20), fc.integer({ min: -400, max: 400 }))
        .map(([neg, m, e]) => `${neg ? "-" : ""}${m}e${e}`),
      weight: 1,
    },
    { arbitrary: fc.bigInt({ min: -(10n ** 60n), max: 10n ** 60n }).map(String), weight: 2 },
    { arbitrary: hostileString({ maxLength: 100 }), weight: 1 },
  );
}

/**
 * JSON text nested deep: `[[[…]]]` or `{"a":{"a":…}}`, the classic stack exhauster. Mostly
 * shallow, sometimes 1 000 to 100 000 levels (a 100 000-level parse takes milliseconds, so
 * those are rarer).
 */
export function deepJsonText(): fc.Arbitrary<string> {
  const depth = fc.oneof(
    { arbitrary: fc.integer({ min: 1, max: 64 }), weight: 12 },
    { arbitrary: fc.constantFrom(1_000, 10_000), weight: 2 },
    { arbitrary: fc.constant(100_000), weight: 1 },
  );
  return fc
    .tuple(depth, fc.boolean())
    .map(([n, arrays]) =>
      arrays ? `${"[".repeat(n)}${"]".repeat(n)}` : `${'{"a":'.repeat(n)}1${"}".repeat(n)}`,
    );
}

/** Any JSON value a caller could send, nasty strings and extreme numbers included. */
export function hostileJsonValue(): fc.Arbitrary<unknown> {
  return fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      hostileScalar(),
      fc.array(tie("value"), { maxLength: 5 }),
      fc.dictionary(hostileString({ maxLength: 20 }), tie("value"), { maxKeys: 5 }),
    ),
  })).value;
}

/** JSON text of a hostile value (bigints written as decimal strings, a lone undefined as null). */
export function hostileJsonText(): fc.Arbitrary<string> {
  return hostileJsonValue().map((value) => stringifyWire(value) ?? "null");
}

/**
 * Percent-encoding of any string for a URL: encodeURIComponent throws on a lone surrogate,
 * which a hostile client sends as raw bytes all the same.
 */
export function percentEncode(text: string): string {
  return [...Buffer.from(text, "utf8")]
    .map((byte) => `%${byte.toString(16).padStart(2, "0")}`)
    .join("");
}

/** One leaf value of any JavaScript type a transport could deliver. */
export function hostileScalar(): fc.Arbitrary<unknown> {
  return fc.oneof(
    hostileString(),
    extremeNumber(),
    extremeDecimal(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.bigInt(),
    fc.date({ noInvalidDate: false }),
  );
}

/**
 * An object over `keys` (the fields a schema expects), each present or not, holding either a
 * plausible value from `plausible` (so that some inputs get past validation) or a hostile one;
 * sometimes extra keys too. The most productive shape for schema-guarded entry points.
 */
export function nearlyValidObject(
  keys: readonly string[],
  plausible: fc.Arbitrary<unknown> = fc.constant(undefined),
): fc.Arbitrary<Record<string, unknown>> {
  const value = fc.oneof(
    { arbitrary: plausible, weight: 6 },
    { arbitrary: hostileJsonValue(), weight: 1 },
    { arbitrary: hostileScalar(), weight: 1 },
  );
  const known = fc.record(Object.fromEntries(keys.map((key) => [key, value])), {
    requiredKeys: [],
  });
  const extra = fc.dictionary(hostileString({ maxLength: 20 }), hostileScalar(), { maxKeys: 2 });
  return fc.tuple(known, fc.oneof(fc.constant({}), extra)).map(([k, e]) => ({ ...e, ...k }));
}

/** Bytes of any length up to `maxLength`, sometimes starting with a real file signature. */
export function hostileBytes(options: { maxLength?: number } = {}): fc.Arbitrary<Uint8Array> {
  const maxLength = options.maxLength ?? 4_096;
  const signatures = [
    [0xff, 0xd8, 0xff],
    [0xff, 0xd8, 0xff, 0xe0],
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52],
    [0x89, 0x50, 0x4e, 0x47],
    [...Buffer.from("RIFF"), 0, 0, 0, 0, ...Buffer.from("WEBPVP8")],
    [...Buffer.from("RIFF\0\0\0\0WEBP")],
    [...Buffer.from("%PDF-")],
    [...Buffer.from("<svg onload=alert(1)>")],
    [...Buffer.from("GIF89a")],
  ];
  return fc
    .tuple(
      fc.option(fc.constantFrom(...signatures), { nil: undefined }),
      fc.uint8Array({ maxLength }),
    )
    .map(([prefix, rest]) => Uint8Array.from([...(prefix ?? []), ...rest]));
}
