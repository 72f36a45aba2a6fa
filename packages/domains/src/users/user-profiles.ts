import { encodeOrder } from "@exchange/contracts/order";
import type { Prisma } from "@exchange/db";
import { AppError, AppErrorCode } from "../errors";
import { KYC_SUBMISSION_SUMMARY } from "../kyc/kyc-submissions";
import { marketDirectory } from "../markets/market-directory";
import type { Services } from "../services";
import { listBalances, orderFactsOfRow } from "../trading/order-queries";

const SEARCH_LIMIT = 50;
const RECENT_ORDERS = 25;

/**
 * Users whose email contains `query` (any case), or whose id it is. An empty query lists the
 * newest accounts, so the page is useful before anyone types.
 */
export async function searchUsers(services: Services, query: string) {
  const text = query.trim();
  const id = /^#?\d{1,9}$/.test(text) ? Number(text.replace("#", "")) : undefined;
  const where: Prisma.UserWhereInput = text
    ? {
        OR: [
          { email: { contains: text, mode: "insensitive" } },
          ...(id === undefined ? [] : [{ id }]),
        ],
      }
    : {};
  const [rows, total] = await Promise.all([
    services.db.user.findMany({
      where,
      orderBy: { id: "desc" },
      take: SEARCH_LIMIT,
      select: {
        id: true,
        email: true,
        kycLevel: true,
        status: true,
        emailVerifiedAt: true,
        createdAt: true,
      },
    }),
    services.db.user.count({ where }),
  ]);
  return { rows, total };
}

/** Everything compliance needs to judge an account: identity history, balances, recent orders. */
export async function findUserProfile(services: Services, userId: number) {
  const user = await services.db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      kycLevel: true,
      status: true,
      emailVerifiedAt: true,
      totpEnabledAt: true,
      createdAt: true,
      kycSubmissions: {
        orderBy: { id: "desc" },
        select: {
          ...KYC_SUBMISSION_SUMMARY,
          reviewedBy: { select: { name: true } },
        },
      },
    },
  });
  if (!user) throw new AppError(AppErrorCode.NOT_FOUND, "No such user.");
  const [balances, orders] = await Promise.all([
    listBalances(services, userId),
    recentOrders(services, userId),
  ]);
  const { totpEnabledAt, emailVerifiedAt, kycSubmissions, ...account } = user;
  return {
    ...account,
    emailVerified: emailVerifiedAt !== null,
    twoFactorEnabled: totpEnabledAt !== null,
    kycSubmissions,
    balances,
    orders,
  };
}

/** The user's latest orders in any state, newest first, with decimal amounts. */
async function recentOrders(services: Services, userId: number) {
  const [rows, markets] = await Promise.all([
    services.db.order.findMany({
      where: { userId },
      orderBy: { orderId: "desc" },
      take: RECENT_ORDERS,
    }),
    marketDirectory(services.db).all(),
  ]);
  return rows.flatMap((row) => {
    const market = markets.get(row.symbol);
    return market ? [encodeOrder(orderFactsOfRow(row), market.units)] : [];
  });
}
