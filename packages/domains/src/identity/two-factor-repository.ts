import type { Store, Tx } from "../services";
import type { PrincipalType } from "./identity-enums";

/**
 * Two-factor state's repository: the TOTP columns of `users` and `staff` and the
 * `recovery_codes` table, for either kind of principal. The secret is stored sealed and the
 * recovery codes only as hashes (two-factor.ts seals and hashes); `lockTotpState` takes the
 * account's row lock so that a code step is used at most once under concurrent log-ins.
 */
export type Principal = { type: PrincipalType; id: number };

export interface TotpState {
  email: string;
  totpSecret: string | null;
  totpEnabledAt: Date | null;
  totpLastStep: bigint | null;
}

const TOTP_SELECT = {
  email: true,
  totpSecret: true,
  totpEnabledAt: true,
  totpLastStep: true,
} as const;

export async function readTotpState(db: Store, principal: Principal): Promise<TotpState | null> {
  const where = { where: { id: principal.id }, select: TOTP_SELECT };
  return principal.type === "USER" ? db.user.findUnique(where) : db.staff.findUnique(where);
}

export async function writeTotpState(
  db: Store,
  principal: Principal,
  data: Partial<Omit<TotpState, "email">>,
): Promise<void> {
  const args = { where: { id: principal.id }, data };
  if (principal.type === "USER") await db.user.update(args);
  else await db.staff.update(args);
}

/** Locks the account's row until the transaction ends, then reads its state. */
export async function lockTotpState(tx: Tx, principal: Principal): Promise<TotpState | null> {
  if (principal.type === "USER") {
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${principal.id} FOR UPDATE`;
  } else {
    await tx.$queryRaw`SELECT id FROM staff WHERE id = ${principal.id} FOR UPDATE`;
  }
  return readTotpState(tx, principal);
}

export function countUnusedRecoveryCodes(db: Store, principal: Principal): Promise<number> {
  return db.recoveryCode.count({
    where: { ownerType: principal.type, ownerId: principal.id, usedAt: null },
  });
}

/** Replaces the principal's recovery codes with `codeHashes` (none: removes them all). */
export async function replaceRecoveryCodes(
  tx: Tx,
  principal: Principal,
  codeHashes: readonly string[],
): Promise<void> {
  await tx.recoveryCode.deleteMany({ where: { ownerType: principal.type, ownerId: principal.id } });
  if (codeHashes.length === 0) return;
  await tx.recoveryCode.createMany({
    data: codeHashes.map((codeHash) => ({
      ownerType: principal.type,
      ownerId: principal.id,
      codeHash,
    })),
  });
}

/** Uses up, at `now`, the unused recovery code with this hash; false when there is none. */
export async function useRecoveryCode(
  tx: Tx,
  principal: Principal,
  codeHash: string,
  now: Date,
): Promise<boolean> {
  const used = await tx.recoveryCode.updateMany({
    where: { ownerType: principal.type, ownerId: principal.id, codeHash, usedAt: null },
    data: { usedAt: now },
  });
  return used.count === 1;
}

/** The password hash and whether two-factor is on: what a step-up asks the principal for. */
export async function findPasswordFactors(
  db: Store,
  principal: Principal,
): Promise<{ passwordHash: string; totpEnabledAt: Date | null } | null> {
  const where = {
    where: { id: principal.id },
    select: { passwordHash: true, totpEnabledAt: true },
  };
  const row =
    principal.type === "USER" ? await db.user.findUnique(where) : await db.staff.findUnique(where);
  // An invitee without a password has no factors to prove: as an unknown account.
  return row?.passwordHash
    ? { passwordHash: row.passwordHash, totpEnabledAt: row.totpEnabledAt }
    : null;
}
