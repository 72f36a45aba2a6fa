import { AppError, AppErrorCode } from "../errors";
import type { StaffRole } from "../identity/identity-enums";
import { redactKycPersonalData } from "../kyc/document-access";
import type { Services } from "../services";
import { listBalances, listRecentOrders } from "../trading/order-queries";
import { findUserAccount, findUsersMatching } from "./user-profile-repository";

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
 * compliance only), balances, recent orders.
 */
export async function findUserProfile(
  services: Services,
  userId: number,
  viewerRoles: readonly StaffRole[],
) {
  const user = await findUserAccount(services.db, userId);
  if (!user) throw new AppError(AppErrorCode.NOT_FOUND, "No such user.");
  const [balances, orders] = await Promise.all([
    listBalances(services, userId),
    listRecentOrders(services, userId, RECENT_ORDERS),
  ]);
  const { totpEnabledAt, emailVerifiedAt, kycSubmissions, ...account } = user;
  return {
    ...account,
    emailVerified: emailVerifiedAt !== null,
    twoFactorEnabled: totpEnabledAt !== null,
    kycSubmissions: kycSubmissions.map((s) => redactKycPersonalData(s, viewerRoles)),
    balances,
    orders,
  };
}
