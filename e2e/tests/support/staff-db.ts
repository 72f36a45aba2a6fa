import pg from "pg";
import { hashPassword } from "../../../packages/db/src/password";
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
}

/** A new active staff member with these roles, unique to the calling test. */
export async function createStaff(roles: string[]): Promise<TestStaff> {
  const staff = {
    email: uniqueEmail("staff"),
    name: "Tess Temporary",
    password: "tess-e2e-pass-1",
  };
  const result = await query(
    `INSERT INTO staff (email, name, password_hash, roles, active, updated_at)
     VALUES ($1, $2, $3, $4::"StaffRole"[], true, now()) RETURNING id`,
    [staff.email, staff.name, await hashPassword(staff.password), roles],
  );
  return { ...staff, id: Number(result.rows[0].id) };
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
