import { Prisma } from "@exchange/db";
import type { Store, Tx } from "../services";
import type { UserStatus } from "./identity-enums";

/**
 * Traders' accounts (`users`) as identity reads and writes them: the only identity code that
 * touches that table. Each function selects just what its caller needs and answers plain values;
 * the rules (who may log in, what a reset changes) stay in the services. The KYC, trading and
 * admin views of a user have their own repositories.
 */
export interface UserRow {
  id: number;
  email: string;
  emailVerifiedAt: Date | null;
  kycLevel: number;
  locale: string;
  createdAt: Date;
}

const USER_SELECT = {
  id: true,
  email: true,
  emailVerifiedAt: true,
  kycLevel: true,
  locale: true,
  createdAt: true,
} as const;

/**
 * Creates the account, or answers null when the email already has one. The unique index
 * decides, so two simultaneous registrations cannot both succeed.
 */
export async function insertUserIfNew(
  db: Store,
  input: { email: string; passwordHash: string; locale?: string },
): Promise<UserRow | null> {
  try {
    return await db.user.create({ data: input, select: USER_SELECT });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return null;
    }
    throw error;
  }
}

export function findUserRow(db: Store, userId: number): Promise<UserRow | null> {
  return db.user.findUnique({ where: { id: userId }, select: USER_SELECT });
}

export interface UserStatusRow {
  id: number;
  email: string;
  status: UserStatus;
  emailVerifiedAt: Date | null;
  /** The language the user reads; their mails are written in it. */
  locale: string;
}

const STATUS_SELECT = {
  id: true,
  email: true,
  status: true,
  emailVerifiedAt: true,
  locale: true,
} as const;

export function findUserStatus(db: Store, userId: number): Promise<UserStatusRow | null> {
  return db.user.findUnique({ where: { id: userId }, select: STATUS_SELECT });
}

export function findUserStatusByEmail(db: Store, email: string): Promise<UserStatusRow | null> {
  return db.user.findUnique({ where: { email }, select: STATUS_SELECT });
}

/** What the password step of a log-in checks, for a trader or a staff member. */
export interface CredentialsRow {
  id: number;
  email: string;
  passwordHash: string;
  active: boolean;
  emailVerified: boolean;
  twoFactorOn: boolean;
}

export async function findUserCredentials(
  db: Store,
  email: string,
): Promise<CredentialsRow | null> {
  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      passwordHash: true,
      status: true,
      emailVerifiedAt: true,
      totpEnabledAt: true,
    },
  });
  return user
    ? {
        id: user.id,
        email: user.email,
        passwordHash: user.passwordHash,
        active: user.status === "ACTIVE",
        emailVerified: user.emailVerifiedAt !== null,
        twoFactorOn: user.totpEnabledAt !== null,
      }
    : null;
}

/** Sets the trader's email verified at `now`. */
export async function markEmailVerified(tx: Tx, userId: number, now: Date): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { emailVerifiedAt: now } });
}

/**
 * Replaces the password; a reset proves the email too, so it counts as verified from now. Stamps
 * `password_changed_at`: a withdrawal soon after is flagged for finance (wallet risk checks).
 */
export async function replaceUserPassword(
  tx: Tx,
  userId: number,
  passwordHash: string,
  now: Date,
): Promise<{ id: number; email: string }> {
  const current = await tx.user.findUniqueOrThrow({
    where: { id: userId },
    select: { emailVerifiedAt: true },
  });
  return tx.user.update({
    where: { id: userId },
    data: { passwordHash, passwordChangedAt: now, emailVerifiedAt: current.emailVerifiedAt ?? now },
    select: { id: true, email: true },
  });
}

export async function setUserStatus(tx: Tx, userId: number, status: UserStatus): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { status } });
}

/** Records the language the user reads (the apps' switcher); false when no such user. */
export async function updateUserLocale(
  db: Store,
  userId: number,
  locale: string,
): Promise<boolean> {
  const updated = await db.user.updateMany({ where: { id: userId }, data: { locale } });
  return updated.count === 1;
}
