import { hashPassword } from "@exchange/db/password";
import { AppError, AppErrorCode } from "../errors";
import { mailLocaleOf, type UserLocale } from "../mail/mail-locale";
import type { Services, Store } from "../services";
import { findUserRow, insertUserIfNew, type UserRow, updateUserLocale } from "./user-repository";

export interface UserDto {
  id: number;
  email: string;
  emailVerified: boolean;
  kycLevel: number;
  /** The language the trader reads (a stored value the mails do not know reads as English). */
  locale: UserLocale;
  createdAt: Date;
}

function toUserDto(user: UserRow): UserDto {
  return {
    id: user.id,
    email: user.email,
    emailVerified: user.emailVerifiedAt !== null,
    kycLevel: user.kycLevel,
    locale: mailLocaleOf(user.locale),
    createdAt: user.createdAt,
  };
}

/** Emails are compared case-insensitively: stored trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function registerUser(
  db: Store,
  input: { email: string; password: string },
): Promise<UserDto> {
  const user = await createUserIfNew(db, {
    email: normalizeEmail(input.email),
    passwordHash: await hashPassword(input.password),
  });
  if (!user) {
    throw new AppError(AppErrorCode.EMAIL_TAKEN, "This email is already registered.", {
      email: ["This email is already registered."],
    });
  }
  return user;
}

/**
 * Creates the account, or answers null when the (normalised) email already has one. The unique
 * index decides, so two simultaneous registrations cannot both succeed.
 */
export async function createUserIfNew(
  db: Store,
  input: { email: string; passwordHash: string; locale?: string },
): Promise<UserDto | null> {
  const user = await insertUserIfNew(db, input);
  return user && toUserDto(user);
}

export async function findUser(services: Services, userId: number): Promise<UserDto> {
  const user = await findUserRow(services.db, userId);
  if (!user) throw new AppError(AppErrorCode.UNAUTHENTICATED, "Please log in.");
  return toUserDto(user);
}

/**
 * The language the trader reads, as chosen with the apps' switcher: their mails follow it from
 * now on. The caller is the logged-in trader, so a missing row means the session outlived it.
 */
export async function setUserLocale(
  services: Services,
  input: { userId: number; locale: UserLocale },
): Promise<{ locale: UserLocale }> {
  const updated = await updateUserLocale(services.db, input.userId, input.locale);
  if (!updated) throw new AppError(AppErrorCode.UNAUTHENTICATED, "Please log in.");
  return { locale: input.locale };
}
