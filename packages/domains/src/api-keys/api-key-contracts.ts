import { z } from "zod";
import { hasNoNul, NO_NUL_MESSAGE, ZRowId } from "../input-bounds";
import { IP_ALLOW_LIST_MAX, normalizeIpEntry } from "./api-key-material";

/**
 * The API-key procedures' inputs and outputs. A secret appears in exactly one shape: the
 * answer to creating an HMAC key.
 */

/** A trader's live (not revoked, not expired) keys at most. */
export const LIVE_API_KEYS_MAX = 30;
export const API_KEY_LABEL_MAX = 64;
/** The expiries a key may have, in days from creation; none means it never expires. */
export const API_KEY_EXPIRY_DAYS_MAX = 365;

export const API_KEY_KINDS = ["HMAC", "ED25519"] as const;
export type ApiKeyKind = (typeof API_KEY_KINDS)[number];

/** READ is implied by every key; TRADE places and cancels orders; WITHDRAW moves funds out. */
export const API_KEY_PERMISSIONS = ["READ", "TRADE", "WITHDRAW"] as const;
export type ApiKeyPermission = (typeof API_KEY_PERMISSIONS)[number];

const ZLabel = z
  .string()
  .trim()
  .min(1, "Give the key a name.")
  .max(API_KEY_LABEL_MAX, `Keep the name within ${API_KEY_LABEL_MAX} characters.`)
  .refine(hasNoNul, NO_NUL_MESSAGE);

const ZIpEntry = z
  .string()
  .max(64, "That is not an IP address or range.")
  .transform((entry, context) => {
    const normalized = normalizeIpEntry(entry);
    if (normalized === null) {
      context.addIssue({
        code: "custom",
        message: `"${entry.slice(0, 64)}" is not an IP address or range.`,
      });
      return z.NEVER;
    }
    return normalized;
  });

export const ZCreateApiKeyInput = z
  .object({
    label: ZLabel,
    kind: z.enum(API_KEY_KINDS),
    /** ED25519 only: the public key, PEM or the raw 32 bytes in base64. */
    publicKey: z.string().max(1_000).optional(),
    /** Beyond READ, which every key has. */
    trade: z.boolean(),
    withdraw: z.boolean(),
    ipAllowList: z
      .array(ZIpEntry)
      .max(IP_ALLOW_LIST_MAX, `At most ${IP_ALLOW_LIST_MAX} addresses.`)
      .transform((entries) => [...new Set(entries)]),
    /** Days until the key stops working; null for never. */
    expiresInDays: z.number().int().min(1).max(API_KEY_EXPIRY_DAYS_MAX).nullable(),
    /** The account's current two-factor code (or a recovery code). */
    code: z.string().trim().min(1, "Enter your two-factor code.").max(20),
  })
  .refine((input) => input.kind !== "ED25519" || (input.publicKey ?? "").trim().length > 0, {
    message: "Paste the key's public half.",
    path: ["publicKey"],
  });
export type CreateApiKeyInput = z.input<typeof ZCreateApiKeyInput>;

/** A key as its owner and staff see it: never a secret. */
export const ZApiKeyView = z.object({
  id: z.number().int(),
  label: z.string(),
  kind: z.enum(API_KEY_KINDS),
  apiKey: z.string(),
  permissions: z.array(z.enum(API_KEY_PERMISSIONS)),
  ipAllowList: z.array(z.string()),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  expiresAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  /** Who revoked it, when it is revoked. */
  revokedBy: z.enum(["USER", "STAFF"]).nullable(),
});
export type ApiKeyView = z.infer<typeof ZApiKeyView>;
export const ZApiKeyList = z.array(ZApiKeyView);

export const ZCreateApiKeyOutput = z.object({
  key: ZApiKeyView,
  /** HMAC keys only, and only in this answer: the exchange never shows it again. */
  secret: z.string().nullable(),
});
export type CreatedApiKey = z.infer<typeof ZCreateApiKeyOutput>;

export const ZRevokeApiKeyInput = z.object({ id: ZRowId });

export const ZUserApiKeysInput = z.object({ userId: ZRowId });
export const ZRevokeUserApiKeyInput = z.object({
  userId: ZRowId,
  id: ZRowId,
  reason: z
    .string()
    .trim()
    .min(3, "Say why, in a few words.")
    .max(500)
    .refine(hasNoNul, NO_NUL_MESSAGE),
});
