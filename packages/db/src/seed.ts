/**
 * Idempotent seed: assets, markets, one staff member per role and a demo trader. Safe to run on
 * every `npm run dev`; existing rows keep their data (passwords are not reset).
 */
import type { Db } from "./client";
import { hashPassword } from "./password";
import { SEED_ASSETS, SEED_DEMO_BOTS, SEED_MARKETS, SEED_STAFF, SEED_TRADERS } from "./seed-data";

export async function seed(db: Db): Promise<void> {
  for (const asset of SEED_ASSETS) {
    await db.asset.upsert({ where: { code: asset.code }, create: asset, update: {} });
  }
  for (const market of SEED_MARKETS) {
    await db.market.upsert({ where: { symbol: market.symbol }, create: market, update: {} });
  }
  for (const { password, role, ...staff } of SEED_STAFF) {
    const passwordHash = await hashPassword(password);
    await db.staff.upsert({
      where: { email: staff.email },
      create: { ...staff, roles: [role], passwordHash },
      update: {},
    });
  }
  for (const { email } of SEED_DEMO_BOTS) {
    const passwordHash = await hashPassword(crypto.randomUUID());
    await db.user.upsert({
      where: { email },
      create: { email, passwordHash, emailVerifiedAt: new Date(), kycLevel: 1 },
      update: {},
    });
  }
  for (const { password, email } of SEED_TRADERS) {
    const passwordHash = await hashPassword(password);
    await db.user.upsert({
      where: { email },
      create: { email, passwordHash, emailVerifiedAt: new Date(), kycLevel: 1 },
      update: {},
    });
  }
}

export function printSeedCredentials(): void {
  const rows = [
    ...SEED_TRADERS.map((t) => ({ app: "web", role: "trader", ...t })),
    ...SEED_STAFF.map((s) => ({ app: "admin", ...s, role: s.role.toLowerCase() })),
  ];
  console.log("Seeded demo accounts (local use only):");
  for (const row of rows) {
    console.log(
      `  ${row.app.padEnd(5)} ${row.role.padEnd(10)} ${row.email.padEnd(28)} ${row.password}`,
    );
  }
}
