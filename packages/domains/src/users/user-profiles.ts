import { AppError, AppErrorCode } from "../errors";
import type { StaffRole } from "../identity/identity-enums";
import { redactKycPersonalData } from "../kyc/document-access";
import { marketDirectory } from "../markets/market-directory";
import type { Services } from "../services";
import { listBalances, listRecentOrders } from "../trading/order-queries";
import { type ProfileOrder, profileOrder } from "./profile-orders";
import { findAssetPrecisions, findUserAccount, findUsersMatching } from "./user-profile-repository";

const SEARCH_LIMIT = 50;
const RECENT_ORDERS = 25;

/**
 * Users whose email contains `query` (any case), or whose id it is. An empty query lists the
 * newest accounts, so the page is useful before anyone types.
 */
export async function searchUsers(services: Services, query: string) {
  const text = query.trim();
  const id = /^#?\d{1,9}$/.test(text) ? Number(text.replace("#", "")) : undefined;
  return findUsersMatching(services.db, { text, id, limit: SEARCH_LIMIT });
}

/**
 * Everything compliance needs to judge an account: identity history (personal data for
 * compliance only), balances with their asset's precision, and recent orders with what they
 * filled at (profile-orders.ts).
 */
export async function findUserProfile(
  services: Services,
  userId: number,
  viewerRoles: readonly StaffRole[],
) {
  const user = await findUserAccount(services.db, userId);
  if (!user) throw new AppError(AppErrorCode.NOT_FOUND, "No such user.");
  const [balances, orders, markets, precisions] = await Promise.all([
    listBalances(services, userId),
    listRecentOrders(services, userId, RECENT_ORDERS),
    marketDirectory(services).all(),
    findAssetPrecisions(services.db),
  ]);
  const { totpEnabledAt, emailVerifiedAt, kycSubmissions, ...account } = user;
  return {
    ...account,
    emailVerified: emailVerifiedAt !== null,
    twoFactorEnabled: totpEnabledAt !== null,
    kycSubmissions: kycSubmissions.map((s) => redactKycPersonalData(s, viewerRoles)),
    balances: balances.map((b) => ({ ...b, precision: precisions.get(b.asset) ?? 0 })),
    // listRecentOrders leaves out orders of markets no longer listed, so each has its units.
    orders: orders.flatMap((o): ProfileOrder[] => {
      const market = markets.get(o.symbol);
      return market ? [profileOrder(o, market.units)] : [];
    }),
  };
}
