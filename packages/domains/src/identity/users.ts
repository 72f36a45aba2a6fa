import { type Db, hashPassword, Prisma } from "@exchange/db";
import { AppError, AppErrorCode } from "../errors";

export interface UserDto {
  id: number;
  email: string;
  emailVerified: boolean;
  kycLevel: number;
  createdAt: Date;
}

const USER_SELECT = {
  id: true,
  email: true,
  emailVerifiedAt: true,
  kycLevel: true,
  createdAt: true,
} as const;

function toUserDto(user: Prisma.UserGetPayload<{ select: typeof USER_SELECT }>): UserDto {
  return {
    id: user.id,
    email: user.email,
    emailVerified: user.emailVerifiedAt !== null,
    kycLevel: user.kycLevel,
    createdAt: user.createdAt,
  };
}

/** Emails are compared case-insensitively: stored trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function registerUser(
  db: Db,
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
  db: Db,
  input: { email: string; passwordHash: string },
): Promise<UserDto | null> {
  try {
    const user = await db.user.create({ data: input, select: USER_SELECT });
    return toUserDto(user);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return null;
    }
    throw error;
  }
}

export async function findUser(db: Db, userId: number): Promise<UserDto> {
  const user = await db.user.findUnique({ where: { id: userId }, select: USER_SELECT });
  if (!user) throw new AppError(AppErrorCode.UNAUTHENTICATED, "Please log in.");
  return toUserDto(user);
}
