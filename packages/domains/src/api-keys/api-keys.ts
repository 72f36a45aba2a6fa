import { sealSecret } from "@exchange/db/secret-box";
import { clockDate } from "@exchange/protocol";
import { type RequestClient, recordAudit } from "../audit/audit-repository";
import { AppError, AppErrorCode } from "../errors";
import { twoFactorKeyOf } from "../identity/identity-config";
import { checkRateLimit, countRateEvent, RATE_LIMITS } from "../identity/rate-limit";
import { twoFactorStatus, verifySecondFactor } from "../identity/two-factor";
import { inTransaction, type Services } from "../services";
import {
  type ApiKeyPermission,
  type ApiKeyView,
  type CreateApiKeyInput,
  type CreatedApiKey,
  LIVE_API_KEYS_MAX,
  ZCreateApiKeyInput,
} from "./api-key-contracts";
import { newApiKeyId, newHmacSecret, parseEd25519PublicKey } from "./api-key-material";
import {
  type ApiKeyRow,
  countLiveApiKeys,
  findUserApiKey,
  findUserApiKeys,
  insertApiKey,
  lockUserForKeys,
  markApiKeyRevoked,
} from "./api-key-repository";
import { announceApiKeyRevoked } from "./api-key-revocation";

/**
 * A trader's API keys: creating (with a two-factor code, every time), listing and revoking
 * them, and staff's view and revocation. Each creation and revocation is in the audit trail.
 * Signed requests are checked in api-key-authentication.ts.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const NEEDS_TWO_FACTOR =
  "Turn on two-factor authentication (Security page) before creating API keys.";
const TOO_MANY_WRONG = "Too many wrong codes.";

/**
 * Creates a key after checking the account's second factor. HMAC: the exchange generates the
 * secret, stores it sealed and returns it this once. Ed25519: the trader's public key is
 * stored and no secret exists here. Refused while the user already has 30 live keys.
 */
export async function createApiKey(
  services: Services,
  userId: number,
  input: CreateApiKeyInput & RequestClient,
): Promise<CreatedApiKey> {
  const request = parseCreateInput(input);
  const publicKey = request.kind === "ED25519" ? readPublicKey(request.publicKey) : null;
  await proveSecondFactor(services, userId, { code: request.code, ip: input.ip });
  const secret = request.kind === "HMAC" ? newHmacSecret() : null;
  const secretEncrypted = secret === null ? null : sealSecret(twoFactorKeyOf(services), secret);
  const now = clockDate(services.clock);
  const permissions: ApiKeyPermission[] = [
    "READ",
    ...(request.trade ? (["TRADE"] as const) : []),
    ...(request.withdraw ? (["WITHDRAW"] as const) : []),
  ];
  const row = await inTransaction(services.db, async (tx) => {
    if (!(await lockUserForKeys(tx, userId))) {
      throw new AppError(AppErrorCode.UNAUTHENTICATED, "Please log in.");
    }
    if ((await countLiveApiKeys(tx, userId, now)) >= LIVE_API_KEYS_MAX) {
      throw new AppError(
        AppErrorCode.API_KEY_LIMIT,
        `You have ${LIVE_API_KEYS_MAX} keys already: revoke one you no longer use first.`,
      );
    }
    const created = await insertApiKey(tx, {
      userId,
      label: request.label,
      kind: request.kind,
      apiKey: newApiKeyId(),
      secretEncrypted,
      publicKey,
      permissions,
      ipAllowList: request.ipAllowList,
      expiresAt:
        request.expiresInDays === null
          ? null
          : new Date(now.getTime() + request.expiresInDays * DAY_MS),
      createdAt: now,
    });
    await recordAudit(tx, {
      actor: { kind: "user", userId },
      action: "user.api_key_created",
      target: { type: "api_key", id: String(created.id) },
      after: auditedKey(created),
      ip: input.ip,
      userAgent: input.userAgent,
    });
    return created;
  });
  return { key: viewOf(row), secret };
}

/** The input as the contract reads it (trimmed, addresses canonical), or INVALID_INPUT. */
function parseCreateInput(input: CreateApiKeyInput) {
  const parsed = ZCreateApiKeyInput.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "_");
    fieldErrors[field] = [...(fieldErrors[field] ?? []), issue.message];
  }
  throw new AppError(
    AppErrorCode.INVALID_INPUT,
    "Please check the highlighted fields.",
    fieldErrors,
  );
}

function readPublicKey(text: string | undefined): string {
  const publicKey = parseEd25519PublicKey(text ?? "");
  if (publicKey === null) {
    const message = "That is not an Ed25519 public key (PEM, or the 32 bytes in base64).";
    throw new AppError(AppErrorCode.INVALID_INPUT, message, { publicKey: [message] });
  }
  return publicKey;
}

/**
 * The account's current code, checked as log-in checks it (never the same step twice), and
 * counted against the step-up limit when wrong, so the code cannot be guessed through here.
 */
async function proveSecondFactor(
  services: Services,
  userId: number,
  input: { code: string; ip: string | undefined },
): Promise<void> {
  const principal = { type: "USER", id: userId } as const;
  const status = await twoFactorStatus(services, principal);
  if (!status.enabled) {
    throw new AppError(AppErrorCode.TWO_FACTOR_STATE, NEEDS_TWO_FACTOR, {
      code: [NEEDS_TWO_FACTOR],
    });
  }
  const { redis, redisPrefix } = services;
  const subject = `user:${userId}`;
  await checkRateLimit(redis, redisPrefix, RATE_LIMITS.stepUpAccount, subject, TOO_MANY_WRONG);
  try {
    await verifySecondFactor(services, principal, input);
  } catch (error) {
    if (error instanceof AppError && error.code === AppErrorCode.INVALID_TWO_FACTOR_CODE) {
      await countRateEvent(redis, redisPrefix, RATE_LIMITS.stepUpAccount, subject);
    }
    throw error;
  }
}

/** The trader's keys, revoked ones too, newest first; never a secret. */
export async function listApiKeys(services: Services, userId: number): Promise<ApiKeyView[]> {
  const rows = await findUserApiKeys(services.db, userId);
  return rows.map(viewOf);
}

/** Staff's view of a user's keys: the same as the owner's. */
export async function listUserApiKeys(services: Services, userId: number): Promise<ApiKeyView[]> {
  return listApiKeys(services, userId);
}

/** The trader revokes one of their keys; it stops working at once (within 5 s at worst). */
export async function revokeApiKey(
  services: Services,
  userId: number,
  input: { id: number } & RequestClient,
): Promise<ApiKeyView> {
  return revoke(services, {
    userId,
    id: input.id,
    by: { type: "USER", id: userId },
    audit: { actor: { kind: "user", userId }, action: "user.api_key_revoked" },
    client: input,
  });
}

/** Staff revoke a user's key, with the reason in the audit trail. */
export async function revokeUserApiKey(
  services: Services,
  input: { staffId: number; userId: number; id: number; reason: string } & RequestClient,
): Promise<ApiKeyView> {
  return revoke(services, {
    userId: input.userId,
    id: input.id,
    by: { type: "STAFF", id: input.staffId },
    audit: {
      actor: { kind: "staff", staffId: input.staffId },
      action: "staff.api_key_revoked",
      reason: input.reason,
    },
    client: input,
  });
}

interface Revocation {
  userId: number;
  id: number;
  by: { type: "USER" | "STAFF"; id: number };
  audit: {
    actor: { kind: "user"; userId: number } | { kind: "staff"; staffId: number };
    action: string;
    reason?: string;
  };
  client: RequestClient;
}

async function revoke(services: Services, revocation: Revocation): Promise<ApiKeyView> {
  const { userId, id } = revocation;
  const now = clockDate(services.clock);
  const row = await inTransaction(services.db, async (tx) => {
    const revoked = await markApiKeyRevoked(tx, { id, userId, by: revocation.by, now });
    if (!revoked) {
      const existing = await findUserApiKey(tx, userId, id);
      if (!existing) throw new AppError(AppErrorCode.NOT_FOUND, "No such API key.");
      throw new AppError(AppErrorCode.API_KEY_STATE, "This key is revoked already.");
    }
    await recordAudit(tx, {
      actor: revocation.audit.actor,
      action: revocation.audit.action,
      target: { type: "api_key", id: String(id) },
      before: { revokedAt: null },
      after: {
        userId,
        label: revoked.label,
        apiKey: revoked.apiKey,
        ...(revocation.audit.reason === undefined ? {} : { reason: revocation.audit.reason }),
      },
      ip: revocation.client.ip,
      userAgent: revocation.client.userAgent,
    });
    return revoked;
  });
  await announceApiKeyRevoked(services, row.apiKey);
  return viewOf(row);
}

function viewOf(row: ApiKeyRow): ApiKeyView {
  return {
    id: row.id,
    label: row.label,
    kind: row.kind,
    apiKey: row.apiKey,
    permissions: row.permissions,
    ipAllowList: row.ipAllowList,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    revokedBy: row.revokedByType,
  };
}

function auditedKey(row: ApiKeyRow) {
  return {
    label: row.label,
    kind: row.kind,
    apiKey: row.apiKey,
    permissions: row.permissions,
    ipAllowList: row.ipAllowList,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}
