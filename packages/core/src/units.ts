/**
 * The one place where decimal strings become integer units and back. Everything inside the core
 * is a `bigint` count of atoms, ticks or lots; the edges (API, wire, UI) speak decimal strings.
 *
 * Parsing is strict on purpose: a string that is not exactly representable is an error, never a
 * rounding. Accepted: `digits` or `digits.digits`, at most `decimals` digits after the point.
 */

/**
 * Which rule a string broke.
 * - `"empty"`: nothing to parse.
 * - `"tooLong"`: longer than {@link MAX_DECIMAL_LENGTH} characters.
 * - `"negative"`: starts with a minus sign.
 * - `"exponent"`: scientific notation such as `1e-8`.
 * - `"invalidCharacter"`: anything but digits and one point (signs, spaces, commas…).
 * - `"malformed"`: digits and points in a wrong arrangement (`.5`, `5.`, `1.2.3`).
 * - `"tooManyDecimals"`: more digits after the point than the precision allows.
 * - `"offStep"`: a whole number of atoms, but not a multiple of the step (tick or lot).
 * - `"invalidPrecision"`: the precision argument is not an integer in 0..36.
 * - `"invalidStep"`: the step argument is not a positive number of atoms.
 */
export type UnitsRule =
  | "empty"
  | "tooLong"
  | "negative"
  | "exponent"
  | "invalidCharacter"
  | "malformed"
  | "tooManyDecimals"
  | "offStep"
  | "invalidPrecision"
  | "invalidStep";

/** Longest decimal string accepted; guards against absurd inputs. */
export const MAX_DECIMAL_LENGTH = 80;

/** Largest supported precision (decimal places of an atom). */
export const MAX_PRECISION = 36;

/** A decimal string could not be converted; `rule` says which rule it broke. */
export class UnitsError extends Error {
  readonly rule: UnitsRule;
  readonly input: string;

  constructor(rule: UnitsRule, input: string, message: string) {
    super(message);
    this.name = "UnitsError";
    this.rule = rule;
    this.input = input;
  }
}

const CODE_0 = 48;
const CODE_9 = 57;
const CODE_POINT = 46;

function checkPrecision(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_PRECISION) {
    throw new UnitsError(
      "invalidPrecision",
      String(decimals),
      `precision must be an integer in 0..${MAX_PRECISION}, got ${decimals}`,
    );
  }
}

function checkStep(step: bigint): void {
  if (step <= 0n) {
    throw new UnitsError("invalidStep", String(step), `step must be positive, got ${step}`);
  }
}

/** Rejects a string's shape before any digit is interpreted; returns the point's index or -1. */
function findPoint(text: string): number {
  if (text.length === 0) throw new UnitsError("empty", text, "amount is empty");
  if (text.length > MAX_DECIMAL_LENGTH) {
    throw new UnitsError("tooLong", text, `amount is longer than ${MAX_DECIMAL_LENGTH} characters`);
  }
  if (text[0] === "-") throw new UnitsError("negative", text, `amount "${text}" is negative`);
  let point = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= CODE_0 && code <= CODE_9) continue;
    if (code === CODE_POINT) {
      if (point !== -1) throw new UnitsError("malformed", text, `amount "${text}" has two points`);
      point = i;
      continue;
    }
    if (text[i] === "e" || text[i] === "E") {
      throw new UnitsError("exponent", text, `amount "${text}" uses an exponent`);
    }
    throw new UnitsError(
      "invalidCharacter",
      text,
      `amount "${text}" has an invalid character at position ${i + 1}`,
    );
  }
  if (point === 0 || point === text.length - 1) {
    throw new UnitsError(
      "malformed",
      text,
      `amount "${text}" needs digits on both sides of the point`,
    );
  }
  return point;
}

/**
 * Parses a non-negative decimal string into atoms of an asset with `decimals` places.
 * `parseUnits("1.5", 8) === 150_000_000n`. Throws {@link UnitsError}.
 */
export function parseUnits(text: string, decimals: number): bigint {
  checkPrecision(decimals);
  const point = findPoint(text);
  if (point === -1) return BigInt(text) * 10n ** BigInt(decimals);
  const fraction = text.slice(point + 1);
  if (fraction.length > decimals) {
    throw new UnitsError(
      "tooManyDecimals",
      text,
      `amount "${text}" has ${fraction.length} decimals; at most ${decimals} allowed`,
    );
  }
  const whole = text.slice(0, point);
  return BigInt(whole + fraction.padEnd(decimals, "0"));
}

/**
 * Formats atoms as a decimal string with no trailing zeros: `formatUnits(150_000_000n, 8) ===
 * "1.5"`. Negative amounts get a leading minus (ledger postings can be negative).
 */
export function formatUnits(atoms: bigint, decimals: number): string {
  checkPrecision(decimals);
  const text = formatFixed(atoms, decimals);
  return decimals === 0 ? text : text.replace(/\.?0+$/, "");
}

/**
 * Formats `units / 10^decimals` with exactly `decimals` places, trailing zeros kept:
 * `formatFixed(12340n, 3) === "12.340"`. Any non-negative `decimals`: the product of two
 * amounts carries the places of both, more than any asset has.
 */
export function formatFixed(units: bigint, decimals: number): string {
  if (!Number.isInteger(decimals) || decimals < 0) {
    throw new UnitsError(
      "invalidPrecision",
      String(decimals),
      `decimals must be >= 0, got ${decimals}`,
    );
  }
  const sign = units < 0n ? "-" : "";
  const digits = (units < 0n ? -units : units).toString().padStart(decimals + 1, "0");
  const whole = digits.slice(0, digits.length - decimals);
  return decimals === 0 ? `${sign}${whole}` : `${sign}${whole}.${digits.slice(whole.length)}`;
}

/**
 * Parses a decimal string into a whole number of steps of `stepAtoms` atoms: a price into ticks
 * (`decimals` = quote precision, step = the market's tick size) or a quantity into lots
 * (`decimals` = base precision, step = the lot size). Throws {@link UnitsError} with rule
 * `"offStep"` when the amount is exact in atoms but not a multiple of the step.
 */
export function parseSteps(text: string, decimals: number, stepAtoms: bigint): bigint {
  checkStep(stepAtoms);
  const atoms = parseUnits(text, decimals);
  if (atoms % stepAtoms !== 0n) {
    throw new UnitsError(
      "offStep",
      text,
      `amount "${text}" is not a multiple of the step ${formatUnits(stepAtoms, decimals)}`,
    );
  }
  return atoms / stepAtoms;
}

/** Formats a number of steps of `stepAtoms` atoms as a decimal string; see {@link parseSteps}. */
export function formatSteps(steps: bigint, decimals: number, stepAtoms: bigint): string {
  checkStep(stepAtoms);
  return formatUnits(steps * stepAtoms, decimals);
}
