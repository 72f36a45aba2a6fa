import pg from "pg";
import { hashPassword } from "../../../packages/db/src/password";
import { parseSecretBoxKey, sealSecret } from "../../../packages/db/src/secret-box";
import { base32Encode, newTotpSecret } from "../../../packages/domains/src/identity/totp";
import { uniqueEmail } from "../../fixtures";

/**
 * Staff changes made straight in the end-to-end run's database, standing in for the staff
 * management screens the console does not have yet. Each call opens and closes its own
 * connection, so no pool outlives a test.
 */
async function query(text: string, values: unknown[]): Promise<pg.QueryResult> {
  const connectionString = process.env.E2E_DATABASE_URL;
  if (!connectionString) throw new Error("E2E_DATABASE_URL is not set: run npm run test:e2e");
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

export interface TestStaff {
  id: number;
  email: string;
  name: string;
  password: string;
  /** Base32 TOTP secret of their (simulated) authenticator app; null until they enrol. */
  totpSecret: string | null;
}

/**
 * A new active staff member with these roles, unique to the calling test. Enrolled in
 * two-factor with a fresh secret unless `twoFactor: false` (they must then enrol at log-in).
 */
export async function createStaff(
  roles: string[],
  options: { name?: string; twoFactor?: boolean } = {},
): Promise<TestStaff> {
  const staff = {
    email: uniqueEmail("staff"),
    name: options.name ?? "Tess Temporary",
    password: "tess-e2e-pass-1",
  };
  const totpSecret = options.twoFactor === false ? null : base32Encode(newTotpSecret());
  const result = await query(
    `INSERT INTO staff (email, name, password_hash, roles, active, totp_secret, totp_enabled_at, updated_at)
     VALUES ($1, $2, $3, $4::"StaffRole"[], true, $5, $6, now()) RETURNING id`,
    [
      staff.email,
      staff.name,
      await hashPassword(staff.password),
      roles,
      totpSecret ? sealSecret(twoFactorKey(), totpSecret) : null,
      totpSecret ? new Date() : null,
    ],
  );
  return { ...staff, id: Number(result.rows[0].id), totpSecret };
}

function twoFactorKey(): Buffer {
  const key = process.env.E2E_TWO_FACTOR_KEY;
  if (!key) throw new Error("E2E_TWO_FACTOR_KEY is not set: run npm run test:e2e");
  return parseSecretBoxKey(key);
}

export async function setStaffRoles(staffId: number, roles: string[]): Promise<void> {
  await query(`UPDATE staff SET roles = $2::"StaffRole"[], updated_at = now() WHERE id = $1`, [
    staffId,
    roles,
  ]);
}

export async function deactivateStaff(staffId: number): Promise<void> {
  await query("UPDATE staff SET active = false, updated_at = now() WHERE id = $1", [staffId]);
}
