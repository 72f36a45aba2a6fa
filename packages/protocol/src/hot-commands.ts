import type { EngineCommand } from "./commands";
import { PROTOCOL_VERSION } from "./commands";

/**
 * The commands that make up nearly all traffic — limit and market orders and cancels — decoded
 * by hand, without the schema's generic machinery (which cost the engine about a third of its
 * decoding time). It accepts only what `ZEngineCommand` accepts and returns the same value;
 * anything else, valid or not, gives `undefined` and the caller asks the schema, which decides
 * and words the error. `hot-commands.test.ts` holds the two to the same answers.
 */
export function decodeHotCommand(json: Record<string, unknown>): EngineCommand | undefined {
  if (json.v !== PROTOCOL_VERSION || !isShortText(json.id) || !isTimestamp(json.ts)) {
    return undefined;
  }
  if (json.type === "order.place") {
    if (json.orderType === "limit") return limitOrder(json);
    if (json.orderType === "market") return marketOrder(json);
    return undefined;
  }
  if (json.type === "order.cancel") return cancel(json);
  return undefined;
}

const LIMIT_KEYS = keys(
  "v id ts type orderType userId symbol side clientOrderId stp priceTicks qtyLots timeInForce postOnly",
);
const MARKET_KEYS = keys(
  "v id ts type orderType userId symbol side clientOrderId stp qtyLots quoteAtoms priceLimitTicks slippageBps",
);
const CANCEL_KEYS = keys("v id ts type userId symbol orderId clientOrderId");

const SIDES = new Set(["buy", "sell"]);
const TIMES_IN_FORCE = new Set(["GTC", "IOC", "FOK"]);
const STPS = new Set(["none", "cancelTaker", "cancelMaker", "cancelBoth"]);
/** `ZBigint`'s pattern: at most 60 digits, no leading zeros. */
const INTEGER_TEXT = /^-?(0|[1-9]\d{0,59})$/;

type Json = Record<string, unknown>;
type Fields = Record<string, unknown>;

function limitOrder(json: Json): EngineCommand | undefined {
  if (!onlyKeys(json, LIMIT_KEYS)) return undefined;
  const command = orderBase(json);
  if (!command) return undefined;
  command.orderType = "limit";
  if (!(bigintField(json, command, "priceTicks") && bigintField(json, command, "qtyLots")))
    return undefined;
  if (!optionalFrom(json, command, "timeInForce", TIMES_IN_FORCE)) return undefined;
  if ("postOnly" in json) {
    if (typeof json.postOnly !== "boolean") return undefined;
    command.postOnly = json.postOnly;
  }
  return command as EngineCommand;
}

function marketOrder(json: Json): EngineCommand | undefined {
  if (!onlyKeys(json, MARKET_KEYS)) return undefined;
  const command = orderBase(json);
  if (!command) return undefined;
  command.orderType = "market";
  for (const name of ["qtyLots", "quoteAtoms", "priceLimitTicks"]) {
    if (name in json && !bigintField(json, command, name)) return undefined;
  }
  if ("slippageBps" in json) {
    if (!isSafeInt(json.slippageBps)) return undefined;
    command.slippageBps = json.slippageBps;
  }
  return command as EngineCommand;
}

function cancel(json: Json): EngineCommand | undefined {
  if (!onlyKeys(json, CANCEL_KEYS)) return undefined;
  if (!isSafeInt(json.userId) || !isShortText(json.symbol)) return undefined;
  const command: Fields = {
    type: "order.cancel",
    v: json.v,
    id: json.id,
    ts: json.ts,
    userId: json.userId,
    symbol: json.symbol,
  };
  if ("orderId" in json) {
    if (!isSafeInt(json.orderId)) return undefined;
    command.orderId = json.orderId;
  }
  if ("clientOrderId" in json) {
    if (!isShortText(json.clientOrderId)) return undefined;
    command.clientOrderId = json.clientOrderId;
  }
  return command as EngineCommand;
}

/** The fields every order has; undefined when one is missing or not of its kind. */
function orderBase(json: Json): Fields | undefined {
  if (!isSafeInt(json.userId) || !isShortText(json.symbol)) return undefined;
  if (typeof json.side !== "string" || !SIDES.has(json.side)) return undefined;
  const command: Fields = {
    type: "order.place",
    v: json.v,
    id: json.id,
    ts: json.ts,
    userId: json.userId,
    symbol: json.symbol,
    side: json.side,
  };
  if ("clientOrderId" in json) {
    if (!isShortText(json.clientOrderId)) return undefined;
    command.clientOrderId = json.clientOrderId;
  }
  return optionalFrom(json, command, "stp", STPS) ? command : undefined;
}

function bigintField(json: Json, command: Fields, name: string): boolean {
  const text = json[name];
  if (typeof text !== "string" || !INTEGER_TEXT.test(text)) return false;
  command[name] = BigInt(text);
  return true;
}

/** Copies an optional field that must be one of `allowed`; false when present and not. */
function optionalFrom(json: Json, command: Fields, name: string, allowed: Set<string>): boolean {
  if (!(name in json)) return true;
  const value = json[name];
  if (typeof value !== "string" || !allowed.has(value)) return false;
  command[name] = value;
  return true;
}

function onlyKeys(json: Json, allowed: Set<string>): boolean {
  for (const key in json) if (!allowed.has(key)) return false;
  return true;
}

function isShortText(value: unknown): value is string {
  return typeof value === "string" && value.length >= 1 && value.length <= 128;
}

function isSafeInt(value: unknown): value is number {
  return Number.isSafeInteger(value);
}

function isTimestamp(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function keys(names: string): Set<string> {
  return new Set(names.split(" "));
}
