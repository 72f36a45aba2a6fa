import { ZOrder } from "@exchange/contracts/order";
import { hasNoNul, NO_NUL_MESSAGE, ZRowId } from "@exchange/domains/input-bounds";
import { z } from "zod";
import { ZKycStatus } from "../kyc/kyc.types";

const ZUserStatus = z.enum(["ACTIVE", "SUSPENDED"]);

export const ZSearchUsersInput = z.object({
  /** An email fragment or a user id (`42` or `#42`); empty lists the newest accounts. */
  query: z.string().trim().max(254).refine(hasNoNul, NO_NUL_MESSAGE).default(""),
});

export const ZSearchUsersOutput = z.object({
  rows: z.array(
    z.object({
      id: z.number().int(),
      email: z.string(),
      kycLevel: z.number().int(),
      status: ZUserStatus,
      emailVerifiedAt: z.date().nullable(),
      createdAt: z.date(),
    }),
  ),
  total: z.number().int(),
});

export const ZUserProfileInput = z.object({ id: ZRowId });

export const ZUserProfileOutput = z.object({
  id: z.number().int(),
  email: z.string(),
  kycLevel: z.number().int(),
  status: ZUserStatus,
  createdAt: z.date(),
  emailVerified: z.boolean(),
  twoFactorEnabled: z.boolean(),
  kycSubmissions: z.array(
    z.object({
      id: z.number().int(),
      status: ZKycStatus,
      /** Null unless the caller holds COMPLIANCE (kyc/document-access.ts). */
      legalName: z.string().nullable(),
      country: z.string(),
      documentType: z.string(),
      rejectReason: z.string().nullable(),
      createdAt: z.date(),
      reviewedAt: z.date().nullable(),
      reviewedBy: z.object({ name: z.string() }).nullable(),
    }),
  ),
  balances: z.array(
    z.object({
      asset: z.string(),
      available: z.string(),
      frozen: z.string(),
      total: z.string(),
      /** The asset's decimal places: the profile shows every amount of it with that many. */
      precision: z.number().int().min(0),
    }),
  ),
  /** Recent orders, each with its limit and average fill apart (domains/users/profile-orders.ts). */
  orders: z.array(
    ZOrder.extend({
      baseAsset: z.string(),
      quoteAsset: z.string(),
      limitPrice: z.string().nullable(),
      averageFillPrice: z.string().nullable(),
      priceDecimals: z.number().int().min(0),
      quantityDecimals: z.number().int().min(0),
      quoteDecimals: z.number().int().min(0),
    }),
  ),
});
