/**
 * Every trader and admin procedure under generated input, through tRPC's real fetch handler
 * (superjson on the wire, as the apps serve it) with the contexts of an anonymous caller, a
 * funded trader and a staff member of each role, against the run's Postgres and Redis and a real
 * engine process. The procedures are read from the routers, so a new one is fuzzed without a
 * line here. The property: a typed answer (success or a non-internal error), never a 500, and a
 * refusal changes nothing: the engine's state hash is the same before and after.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { StaffRole } from "@exchange/domains/identity/identity-enums";
import { syncReferenceData } from "@exchange/domains/markets/reference-data";
import { closeServices, createServices } from "@exchange/domains/services";
import { createTestSavingsInstance } from "@exchange/domains/testing/savings-fixtures";
import { randomAccountXpub, uniqueTestIp } from "@exchange/domains/testing/test-services";
import { createTestUser } from "@exchange/domains/testing/test-users";
import { stringifyWire } from "@exchange/protocol";
import {
  deepJsonText,
  extremeDecimal,
  extremeNumber,
  fuzz,
  fuzzTimeoutMs,
  hostileJsonText,
  hostileJsonValue,
  hostileString,
  hugeString,
  idBeyondInt32,
  nearlyValidObject,
  percentEncode,
  runEnv,
} from "@exchange/protocol/testing";
import { createEngineSandbox, EngineProcess, promptStateDigest } from "@exchange/testkit";
import type { AnyRouter } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminRouter } from "./trpc/admin/router";
import type { Actor, Services } from "./trpc/context";
import { traderRouter } from "./trpc/trader/router";
import { transformer } from "./trpc/transformer";

const ROLES: StaffRole[] = ["ADMIN", "COMPLIANCE", "FINANCE", "OPERATIONS"];
const ENDPOINT = "/api/trpc";

let services: Services;
let engine: EngineProcess;
const actors: Record<string, Actor> = {};

beforeAll(async () => {
  const sandbox = await createEngineSandbox("fuzz-api");
  engine = await EngineProcess.start(sandbox);
  const { SMTP_URL, MAIL_FROM, WEB_PUBLIC_URL, TWO_FACTOR_KEY, CHAIN_RPC_URL, CHAIN_ID } = runEnv();
  services = await createServices({
    ...sandbox,
    streamTokenSecret: "fuzz-stream-token-secret",
    documentStorageDir: mkdtempSync(join(tmpdir(), "exchange-fuzz-documents-")),
    ...(SMTP_URL && MAIL_FROM && WEB_PUBLIC_URL
      ? { mail: { smtpUrl: SMTP_URL, from: MAIL_FROM, webPublicUrl: WEB_PUBLIC_URL } }
      : {}),
    ...(TWO_FACTOR_KEY ? { twoFactorKey: TWO_FACTOR_KEY } : {}),
    // The run's chain, so that wallet procedures reach their services rather than "no wallet".
    ...(CHAIN_RPC_URL && CHAIN_ID
      ? {
          chain: {
            key: "evm-local",
            rpcUrl: CHAIN_RPC_URL,
            chainId: Number(CHAIN_ID),
            walletXpub: randomAccountXpub(),
          },
        }
      : {}),
  });
  await syncReferenceData(services.db, services.engine, services.clock.now());
  const trader = await createTestUser(services.db, { tag: "fuzz" });
  await fund(trader.id);
  // An open savings offer, so that savings procedures given a small id reach their services.
  await createTestSavingsInstance(services.db);
  actors.anonymous = { kind: "anonymous" };
  actors.trader = { kind: "user", userId: trader.id };
  for (const role of ROLES) {
    const staff = await services.db.staff.findFirstOrThrow({
      where: { roles: { equals: [role] }, active: true },
    });
    actors[role] = { kind: "staff", staffId: staff.id, roles: [role] };
  }
}, 120_000);

afterAll(async () => {
  if (services) await closeServices(services);
  await engine?.kill();
});

async function fund(userId: number) {
  for (const [asset, amountAtoms] of [
    ["BTC", 10n ** 9n],
    ["USDT", 10n ** 13n],
  ] as const) {
    const reply = await services.engine.send({
      type: "balance.deposit",
      id: `fuzz-deposit:${userId}:${asset}`,
      ts: Date.now(),
      business: "fuzz-deposit",
      businessId: `${userId}:${asset}`,
      userId,
      asset,
      amountAtoms,
    });
    expect(reply.outcome.ok).toBe(true);
  }
}

interface ProcedureEntry {
  path: string;
  type: "query" | "mutation" | "subscription";
  keys: string[];
}

/** The procedures of a router, with the field names of their input objects. */
function proceduresOf(router: AnyRouter): ProcedureEntry[] {
  return Object.entries(router._def.procedures as Record<string, AnyProcedureDef>).map(
    ([path, procedure]) => ({
      path,
      type: procedure._def.type,
      keys: procedure._def.inputs.flatMap(objectKeys),
    }),
  );
}

interface AnyProcedureDef {
  _def: { type: "query" | "mutation" | "subscription"; inputs: unknown[] };
}

/** The keys of a zod object, through optional / default / nullable / pipe wrappers. */
function objectKeys(schema: unknown): string[] {
  const def = (schema as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
  if (!def) return [];
  if (def.type === "object") return Object.keys(def.shape as object);
  for (const inner of [def.innerType, def.in, def.schema]) {
    if (inner) return objectKeys(inner);
  }
  return [];
}

/** Values likely to get past a schema, so that generated calls also reach services and the engine. */
const plausible = fc.oneof(
  fc.constantFrom("BTCUSDT", "ETHUSDT", "BTC", "USDT", "buy", "sell", "limit", "market"),
  fc.constantFrom("GTC", "IOC", "FOK", "1m", "1h", "PENDING", "APPROVED", "REJECTED"),
  fc.constantFrom("2031-01", "2031-01-15", "2027-02-30", "MONTHLY", "PENALTY", "PAUSED"),
  fc.constantFrom("0.001", "0.5", "1", "50000", "50000.00", "1e45", `1${"0".repeat(45)}`),
  fc.constantFrom("trader@exchange.local", "new-user@example.test", "123456", "000000"),
  fc.constantFrom("a-long-enough-password-1", "x".repeat(64), "Blurred document photo."),
  fc.integer({ min: 1, max: 100 }),
  fc.boolean(),
  fc.constantFrom("evm-local", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", crypto.randomUUID()),
  extremeDecimal(),
  extremeNumber(),
  idBeyondInt32(),
);

/** A procedure's input: mostly its own fields with plausible or hostile values, sometimes anything. */
function inputFor(keys: string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: nearlyValidObject(keys, plausible), weight: 8 },
    { arbitrary: fc.constant(undefined), weight: 1 },
    { arbitrary: hostileJsonValue(), weight: 1 },
  );
}

interface Answer {
  status: number;
  body: unknown;
}

/** One call through the fetch handler, as the browser's tRPC link sends it. */
async function callOverHttp(
  router: AnyRouter,
  actor: Actor,
  request: { path: string; method: "GET" | "POST"; query?: string; body?: string },
): Promise<Answer> {
  const url = `http://app.test${ENDPOINT}/${request.path}${request.query ?? ""}`;
  const req = new Request(url, {
    method: request.method,
    headers: { "content-type": "application/json" },
    ...(request.body === undefined ? {} : { body: request.body }),
  });
  const response = await fetchRequestHandler({
    endpoint: ENDPOINT,
    req,
    router,
    createContext: () => ({
      actor,
      services,
      ip: uniqueTestIp(),
      consoleUrl: "http://admin.fuzz.test",
    }),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Kept as text for the failure message.
  }
  return { status: response.status, body };
}

function encodedCall(procedure: ProcedureEntry, input: unknown) {
  const wire = wireOf(input);
  return procedure.type === "query"
    ? { path: procedure.path, method: "GET" as const, query: `?input=${percentEncode(wire)}` }
    : { path: procedure.path, method: "POST" as const, body: wire };
}

/**
 * The input as tRPC's client link writes it; superjson refuses to write some values (an own
 * `__proto__` key), which a hostile client then sends as plain JSON all the same.
 */
function wireOf(input: unknown): string {
  try {
    return JSON.stringify(transformer.serialize(input));
  } catch {
    return JSON.stringify({ json: input }, (_k, v) => (typeof v === "bigint" ? String(v) : v));
  }
}

/** The tRPC error code of an answer (superjson wraps the error shape in `json`). */
function errorCodeOf(body: unknown): string | undefined {
  const error = (body as { error?: { json?: { data?: { code?: string } } } })?.error;
  return error?.json?.data?.code;
}

function expectTyped(answer: Answer, what: unknown) {
  const context = JSON.stringify({ what, answer }, (_k, v) =>
    typeof v === "bigint"
      ? `${v}n`
      : typeof v === "string" && v.length > 300
        ? `${v.slice(0, 300)}…`
        : v,
  );
  // 503 is typed (ENGINE_UNAVAILABLE: no order book yet, the engine did not answer in time).
  expect(answer.status, context).not.toBe(500);
  expect(errorCodeOf(answer.body), context).not.toBe("INTERNAL_SERVER_ERROR");
}

async function stateHash(): Promise<string> {
  return (await promptStateDigest(engine, services.engine)).stateHash;
}

const ROUTERS = [
  { name: "trader", router: traderRouter, callers: ["anonymous", "trader", "ADMIN"] },
  { name: "admin", router: adminRouter, callers: ["anonymous", "trader", ...ROLES] },
] as const;

/** Generated cases per procedure in CI (each picks one of the router's callers). */
const RUNS_PER_PROCEDURE = 32;

for (const { name, router, callers } of ROUTERS) {
  describe(`${name} procedures under generated input`, { timeout: fuzzTimeoutMs(120_000) }, () => {
    it.each(proceduresOf(router))(
      "$path answers typed and a refusal changes nothing",
      async (procedure) => {
        await fuzz(
          fc.asyncProperty(
            fc.constantFrom(...callers),
            inputFor(procedure.keys),
            async (caller, input) => {
              const actor = actors[caller] as Actor;
              const before = await stateHash();
              const answer = await callOverHttp(router, actor, encodedCall(procedure, input));
              expectTyped(answer, { caller, input });
              if (answer.status !== 200)
                expect(await stateHash(), "a refusal changed the engine's state").toBe(before);
            },
          ),
          RUNS_PER_PROCEDURE,
        );
      },
    );

    it("answers typed to hostile raw requests on every procedure path", async () => {
      const paths = proceduresOf(router).map((p) => p.path);
      const raw = fc.oneof(hostileString(), hugeString(), deepJsonText(), hostileJsonText());
      const request = fc.oneof(
        fc.record({
          path: fc.oneof(
            fc.constantFrom(...paths),
            hostileString({ maxLength: 40 }).map(percentEncode),
          ),
          method: fc.constant("POST" as const),
          body: raw,
        }),
        fc.record({
          path: fc.constantFrom(...paths),
          method: fc.constant("GET" as const),
          query: fc.oneof(
            raw.map((text) => `?input=${percentEncode(text.slice(0, 8_000))}`),
            raw.map((text) => `?batch=1&input=${percentEncode(text.slice(0, 8_000))}`),
            hostileString({ maxLength: 200 }).map((text) => `?${text}`),
          ),
        }),
        // superjson's own metadata, hostile: prototype keys, unknown types, bad bigints and dates.
        fc.record({
          path: fc.constantFrom(...paths),
          method: fc.constant("POST" as const),
          body: fc
            .tuple(
              hostileJsonValue(),
              fc.dictionary(
                fc.constantFrom("", "id", "__proto__", "a.b", "constructor.prototype"),
                fc.oneof(
                  fc.constantFrom(
                    "bigint",
                    "Date",
                    "undefined",
                    "set",
                    "map",
                    "regexp",
                    "class",
                    "custom",
                    "symbol",
                  ),
                  hostileJsonValue(),
                ),
              ),
            )
            .map(([json, values]) => stringifyWire({ json, meta: { values } })),
        }),
      );
      await fuzz(
        fc.asyncProperty(fc.constantFrom(...callers), request, async (caller, req) => {
          const before = await stateHash();
          const answer = await callOverHttp(router, actors[caller] as Actor, req);
          expectTyped(answer, { caller, req });
          if (answer.status !== 200) expect(await stateHash()).toBe(before);
        }),
        120,
      );
    });
  });
}
