import { generateKeyPairSync, sign } from "node:crypto";
import { openSecret } from "@exchange/db/secret-box";
import {
  API_KEY_CACHE_TTL_MS,
  ApiKeyAuthenticator,
  type ApiRequest,
} from "@exchange/domains/api-keys/api-key-authentication";
import { newApiKeyId } from "@exchange/domains/api-keys/api-key-material";
import { hmacSignature } from "@exchange/domains/api-keys/request-signature";
import { AppError, AppErrorCode } from "@exchange/domains/errors";
import { base32Decode, totpCode } from "@exchange/domains/identity/totp";
import { eventually } from "@exchange/domains/testing/eventually";
import { closeServices, staffActor, testServices } from "@exchange/domains/testing/test-services";
import {
  createTestUser,
  signInTestUser,
  type TestUser,
} from "@exchange/domains/testing/test-users";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callAdminApi, callTraderApi } from "./testing/callers";
import type { Services } from "./trpc/context";

let services: Services;
/** The gateway's view: listens for revocations like a gateway process. */
let gateway: ApiKeyAuthenticator;

beforeAll(async () => {
  services = await testServices();
  gateway = new ApiKeyAuthenticator(services);
  await gateway.listen();
});
afterAll(async () => {
  await gateway.close();
  await closeServices(services);
});

interface Trader {
  user: TestUser;
  api: ReturnType<typeof callTraderApi>;
  /** A code the account accepts now (the step last used is forgotten first: tests are fast). */
  code: () => Promise<string>;
}

async function traderWithTwoFactor(tag: string): Promise<Trader> {
  const user = await createTestUser(services.db, { tag });
  const api = callTraderApi(services, await signInTestUser(services, user.id));
  const key = base32Decode((await api.security.beginTwoFactor()).secret);
  await api.security.confirmTwoFactor({ code: totpCode(key, Date.now()) });
  const code = async () => {
    await services.db.user.update({ where: { id: user.id }, data: { totpLastStep: null } });
    return totpCode(key, Date.now());
  };
  return { user, api, code };
}

const HMAC_KEY = {
  label: "market maker",
  kind: "HMAC" as const,
  trade: true,
  withdraw: false,
  ipAllowList: [],
  expiresInDays: null,
};

async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  const cause = (error as { cause?: unknown })?.cause ?? error;
  if (!(cause instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return cause;
}

function signedRequest(
  apiKey: string,
  secret: string,
  overrides: Partial<ApiRequest> = {},
): ApiRequest {
  const timestampMs = overrides.timestampMs ?? Date.now();
  const payload = `symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=100&timestamp=${timestampMs}`;
  return {
    apiKey,
    payload,
    signature: hmacSignature(secret, payload),
    timestampMs,
    clientIp: "198.51.100.7",
    permission: "trade",
    ...overrides,
  };
}

describe("creating keys", () => {
  it("refuses a trader without two-factor, telling them to turn it on", async () => {
    const user = await createTestUser(services.db, { tag: "keys-no-2fa" });
    const api = callTraderApi(services, await signInTestUser(services, user.id));
    const error = await appErrorOf(api.apiKeys.create({ ...HMAC_KEY, code: "123456" }));
    expect(error.code).toBe(AppErrorCode.TWO_FACTOR_STATE);
    expect(error.message).toMatch(/two-factor/i);
    expect(await api.apiKeys.list()).toEqual([]);
  });

  it("refuses a wrong code and creates nothing", async () => {
    const trader = await traderWithTwoFactor("keys-wrong-code");
    const error = await appErrorOf(trader.api.apiKeys.create({ ...HMAC_KEY, code: "000000" }));
    expect(error.code).toBe(AppErrorCode.INVALID_TWO_FACTOR_CODE);
    expect(await trader.api.apiKeys.list()).toEqual([]);
  });

  it("shows an HMAC secret once, keeps it sealed, lists the key without it, and audits it", async () => {
    const trader = await traderWithTwoFactor("keys-hmac");
    const created = await trader.api.apiKeys.create({
      ...HMAC_KEY,
      ipAllowList: ["198.51.100.0/24", " 2001:DB8::1 "],
      code: await trader.code(),
    });
    expect(created.secret).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(created.key).toMatchObject({
      permissions: ["READ", "TRADE"],
      ipAllowList: ["198.51.100.0/24", "2001:db8::1"],
      expiresAt: null,
    });
    const listed = await trader.api.apiKeys.list();
    expect(listed).toEqual([created.key]);
    expect(JSON.stringify(listed)).not.toContain(created.secret);

    const row = await services.db.apiKey.findUniqueOrThrow({ where: { id: created.key.id } });
    expect(row.secretEncrypted).not.toContain(created.secret ?? "");
    expect(openSecret(services.twoFactorKey as Buffer, row.secretEncrypted ?? "")).toBe(
      created.secret,
    );
    const audit = await services.db.auditLog.findMany({
      where: { action: "user.api_key_created", targetId: String(created.key.id) },
    });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]?.after)).not.toContain(created.secret);
  });

  it("takes an Ed25519 public key, refuses anything else, and keeps no secret", async () => {
    const trader = await traderWithTwoFactor("keys-ed25519");
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey;
    const refused = await appErrorOf(
      trader.api.apiKeys.create({
        ...HMAC_KEY,
        kind: "ED25519",
        publicKey: rsa.export({ format: "pem", type: "spki" }).toString(),
        code: await trader.code(),
      }),
    );
    expect(refused.fieldErrors?.publicKey).toBeDefined();

    const { publicKey, privateKey } = generateKeyPairSync("ed25519");
    const created = await trader.api.apiKeys.create({
      ...HMAC_KEY,
      kind: "ED25519",
      publicKey: publicKey.export({ format: "pem", type: "spki" }).toString(),
      code: await trader.code(),
    });
    expect(created.secret).toBeNull();

    const timestampMs = Date.now();
    const payload = `symbol=BTCUSDT&timestamp=${timestampMs}`;
    const signature = sign(null, Buffer.from(payload), privateKey).toString("base64");
    const request = { apiKey: created.key.apiKey, payload, signature, timestampMs };
    await expect(
      gateway.authenticate({ ...request, clientIp: "203.0.113.1", permission: "read" }),
    ).resolves.toMatchObject({ userId: trader.user.id, keyId: created.key.id });
    const forged = { ...request, payload: `${payload}&quantity=9`, clientIp: "203.0.113.1" };
    await expect(
      appErrorOf(gateway.authenticate({ ...forged, permission: "read" })),
    ).resolves.toMatchObject({
      code: AppErrorCode.API_SIGNATURE_INVALID,
    });
  });

  it("stops at 30 live keys", async () => {
    const trader = await traderWithTwoFactor("keys-limit");
    await services.db.apiKey.createMany({
      data: Array.from({ length: 30 }, (_, i) => ({
        userId: trader.user.id,
        label: `bot ${i}`,
        kind: "ED25519" as const,
        apiKey: newApiKeyId(),
        publicKey: "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=",
        permissions: ["READ" as const],
        ipAllowList: [],
      })),
    });
    const error = await appErrorOf(
      trader.api.apiKeys.create({ ...HMAC_KEY, code: await trader.code() }),
    );
    expect(error.code).toBe(AppErrorCode.API_KEY_LIMIT);
    expect(await trader.api.apiKeys.list()).toHaveLength(30);
  });
});

describe("signed requests", () => {
  let trader: Trader;
  let apiKey: string;
  let secret: string;
  let keyId: number;

  beforeAll(async () => {
    trader = await traderWithTwoFactor("keys-signed");
    const created = await trader.api.apiKeys.create({
      ...HMAC_KEY,
      ipAllowList: ["198.51.100.0/24"],
      expiresInDays: 30,
      code: await trader.code(),
    });
    apiKey = created.key.apiKey;
    secret = created.secret ?? "";
    keyId = created.key.id;
  });

  it("name the key's owner and what it may do", async () => {
    await expect(gateway.authenticate(signedRequest(apiKey, secret))).resolves.toEqual({
      userId: trader.user.id,
      keyId,
      permissions: ["READ", "TRADE"],
    });
  });

  it("are refused, each with its own code, for every way they can be wrong", async () => {
    const nowMs = Date.now();
    const cases: [Partial<ApiRequest>, AppErrorCode][] = [
      [{ apiKey: "short" }, AppErrorCode.API_KEY_FORMAT_INVALID],
      [{ apiKey: newApiKeyId() }, AppErrorCode.API_KEY_INVALID],
      [
        { signature: hmacSignature(`${secret}x`, "symbol=BTCUSDT") },
        AppErrorCode.API_SIGNATURE_INVALID,
      ],
      [{ timestampMs: nowMs - 5_001, nowMs }, AppErrorCode.API_TIMESTAMP_OUTSIDE_WINDOW],
      [{ timestampMs: nowMs + 1_000, nowMs }, AppErrorCode.API_TIMESTAMP_OUTSIDE_WINDOW],
      [{ recvWindowMs: 60_001 }, AppErrorCode.INVALID_INPUT],
      [{ clientIp: "203.0.113.9" }, AppErrorCode.API_IP_NOT_ALLOWED],
      [{ permission: "withdraw" }, AppErrorCode.API_PERMISSION_MISSING],
      // 31 days on: the key's 30-day expiry has passed.
      [
        { nowMs: nowMs + 31 * 86_400_000, timestampMs: nowMs + 31 * 86_400_000 },
        AppErrorCode.API_KEY_INVALID,
      ],
    ];
    for (const [overrides, code] of cases) {
      const request = signedRequest(apiKey, secret, overrides);
      const error = await appErrorOf(gateway.authenticate({ ...request, ...overrides }));
      expect({ overrides, code: error.code }).toEqual({ overrides, code });
    }
    // The widest window lets an older request through, which the default refused.
    const older = signedRequest(apiKey, secret, { timestampMs: nowMs - 59_000, nowMs });
    await expect(gateway.authenticate({ ...older, recvWindowMs: 60_000 })).resolves.toBeDefined();
  });

  it("record when the key was last used, without a write per request", async () => {
    const reader = new ApiKeyAuthenticator(services);
    for (let i = 0; i < 5; i++) await reader.authenticate(signedRequest(apiKey, secret));
    await reader.flushLastUsed();
    const [listed] = await trader.api.apiKeys.list();
    const firstUse = listed?.lastUsedAt;
    expect(firstUse).toBeInstanceOf(Date);
    // Used again within the minute: nothing new to write.
    await reader.authenticate(signedRequest(apiKey, secret));
    await reader.flushLastUsed();
    expect((await trader.api.apiKeys.list())[0]?.lastUsedAt).toEqual(firstUse);
    await reader.close();
  });
});

describe("revoking", () => {
  it("stops a key at once where revocations are heard, and within the cache's life anywhere", async () => {
    const trader = await traderWithTwoFactor("keys-revoke");
    const { key, secret } = await trader.api.apiKeys.create({
      ...HMAC_KEY,
      code: await trader.code(),
    });
    const deaf = new ApiKeyAuthenticator(services);
    await gateway.authenticate(signedRequest(key.apiKey, secret ?? ""));
    await deaf.authenticate(signedRequest(key.apiKey, secret ?? ""));

    const other = await traderWithTwoFactor("keys-revoke-other");
    const notTheirs = await appErrorOf(other.api.apiKeys.revoke({ id: key.id }));
    expect(notTheirs.code).toBe(AppErrorCode.NOT_FOUND);

    const revoked = await trader.api.apiKeys.revoke({ id: key.id });
    expect(revoked).toMatchObject({ id: key.id, revokedBy: "USER" });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    await eventually(async () => {
      const error = await appErrorOf(gateway.authenticate(signedRequest(key.apiKey, secret ?? "")));
      expect(error.code).toBe(AppErrorCode.API_KEY_INVALID);
    });
    // Not listening: still trusted from memory until its entry is 5 s old, then refused.
    await expect(deaf.authenticate(signedRequest(key.apiKey, secret ?? ""))).resolves.toBeDefined();
    const later = Date.now() + API_KEY_CACHE_TTL_MS;
    const stale = signedRequest(key.apiKey, secret ?? "", { timestampMs: later, nowMs: later });
    expect((await appErrorOf(deaf.authenticate(stale))).code).toBe(AppErrorCode.API_KEY_INVALID);
    await deaf.close();

    const again = await appErrorOf(trader.api.apiKeys.revoke({ id: key.id }));
    expect(again.code).toBe(AppErrorCode.API_KEY_STATE);
    const audit = await services.db.auditLog.count({
      where: { action: "user.api_key_revoked", targetId: String(key.id) },
    });
    expect(audit).toBe(1);
  });

  it("lets compliance see a user's keys and revoke one with a reason, audited", async () => {
    const trader = await traderWithTwoFactor("keys-staff");
    const { key, secret } = await trader.api.apiKeys.create({
      ...HMAC_KEY,
      code: await trader.code(),
    });
    const staff = await services.db.staff.findFirstOrThrow({
      where: { roles: { has: "COMPLIANCE" } },
    });
    const admin = callAdminApi(services, staffActor(staff.id, "COMPLIANCE"));

    const listed = await admin.users.apiKeys.list({ userId: trader.user.id });
    expect(listed.map((k) => k.apiKey)).toEqual([key.apiKey]);
    expect(JSON.stringify(listed)).not.toContain(secret);
    const wrongUser = await appErrorOf(
      admin.users.apiKeys.revoke({ userId: trader.user.id + 1, id: key.id, reason: "Leaked key." }),
    );
    expect(wrongUser.code).toBe(AppErrorCode.NOT_FOUND);

    await admin.users.apiKeys.revoke({ userId: trader.user.id, id: key.id, reason: "Leaked key." });
    const [mine] = await trader.api.apiKeys.list();
    expect(mine).toMatchObject({ revokedBy: "STAFF" });
    const entry = await services.db.auditLog.findFirstOrThrow({
      where: { action: "staff.api_key_revoked", targetId: String(key.id) },
    });
    expect(entry).toMatchObject({ actorType: "STAFF", actorId: String(staff.id) });
    expect(entry.after).toMatchObject({ reason: "Leaked key.", userId: trader.user.id });
    await eventually(async () => {
      const error = await appErrorOf(gateway.authenticate(signedRequest(key.apiKey, secret ?? "")));
      expect(error.code).toBe(AppErrorCode.API_KEY_INVALID);
    });
  });
});
