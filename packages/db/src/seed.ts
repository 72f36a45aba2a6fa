/**
 * Idempotent seed: assets, markets, the demo perpetual contracts (BTCUSDT-PERP, ETHUSDT-PERP), the local chain's assets, the demo loan products, one staff member per role and a demo trader. Safe to run on
 * every `npm run dev`; existing rows keep their data (passwords are not reset).
 */
import type { Db } from "./client";
import { hashPassword } from "./password";
import { parseSecretBoxKey, sealSecret } from "./secret-box";
import {
  SEED_ASSETS,
  SEED_CHAIN_ASSETS,
  SEED_CONTRACTS,
  SEED_DEMO_BOTS,
  SEED_LOAN_PRODUCTS,
  SEED_MARKETS,
  SEED_STAFF,
  SEED_TRADERS,
} from "./seed-data";

export interface SeedOptions {
  /**
   * TWO_FACTOR_KEY of the apps that will use this database. With it, demo staff are enrolled in
   * two-factor with their fixed secrets (seed-data.ts); without it they enrol at first log-in.
   */
  twoFactorKey?: string | undefined;
  /** NODE_ENV of the process that seeds; required so that no caller can forget it. */
  nodeEnv: string | undefined;
}

/**
 * Seeds demo data. Refuses, before writing anything, under NODE_ENV=production: the demo staff
 * and traders have passwords and TOTP secrets published in this repository.
 */
export async function seed(db: Db, options: SeedOptions): Promise<void> {
  if (options.nodeEnv === "production") {
    throw new Error(
      "The seed creates demo staff and traders whose passwords are public; it does not run with NODE_ENV=production.",
    );
  }
  for (const asset of SEED_ASSETS) {
    await db.asset.upsert({ where: { code: asset.code }, create: asset, update: {} });
  }
  for (const market of SEED_MARKETS) {
    await db.market.upsert({ where: { symbol: market.symbol }, create: market, update: {} });
  }
  for (const { market, terms } of SEED_CONTRACTS) {
    await db.market.upsert({ where: { symbol: market.symbol }, create: market, update: {} });
    const settle = SEED_ASSETS.find((asset) => asset.code === market.quoteAsset);
    if (!settle) throw new Error(`the seed has no asset ${market.quoteAsset}`);
    // The read model's form: bounds in atoms of the settle asset, as text.
    const riskTiers = terms.riskTiers.map(({ maxNotional, ...tier }) => ({
      maxNotionalAtoms: (BigInt(maxNotional) * 10n ** BigInt(settle.precision)).toString(),
      ...tier,
    }));
    const now = new Date();
    // The projector writes this row from `contract.added` too, and keeps the first one.
    await db.perpetualContract.upsert({
      where: { symbol: market.symbol },
      create: {
        symbol: market.symbol,
        ...terms,
        riskTiers,
        updatedSeq: 0n,
        createdAt: now,
        updatedAt: now,
      },
      update: {},
    });
  }
  for (const chainAsset of SEED_CHAIN_ASSETS) {
    const { chainKey, assetCode } = chainAsset;
    // `update: {}` keeps a contract address the chain node recorded before the seed ran.
    await db.chainAsset.upsert({
      where: { chainKey_assetCode: { chainKey, assetCode } },
      create: chainAsset,
      update: {},
    });
  }
  for (const { collateralAsset, loanAsset, terms } of SEED_LOAN_PRODUCTS) {
    if ((await db.loanProduct.count({ where: { collateralAsset, loanAsset } })) > 0) continue;
    await db.loanProduct.create({
      data: {
        collateralAsset,
        loanAsset,
        currentVersion: 1,
        versions: { create: { version: 1, ...terms } },
      },
    });
  }
  const key = options.twoFactorKey ? parseSecretBoxKey(options.twoFactorKey) : undefined;
  for (const { password, role, totpSecret, ...staff } of SEED_STAFF) {
    const passwordHash = await hashPassword(password);
    const twoFactor = key
      ? { totpSecret: sealSecret(key, totpSecret), totpEnabledAt: new Date() }
      : {};
    await db.staff.upsert({
      where: { email: staff.email },
      create: { ...staff, roles: [role], passwordHash, ...twoFactor },
      update: {},
    });
    // Demo staff of a database seeded before two-factor existed get enrolled too.
    if (key) {
      await db.staff.updateMany({
        where: { email: staff.email, totpEnabledAt: null },
        data: twoFactor,
      });
    }
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
    ...SEED_TRADERS.map((t) => ({ app: "web", role: "trader", totpSecret: "", ...t })),
    ...SEED_STAFF.map((s) => ({ app: "admin", ...s, role: s.role.toLowerCase() })),
  ];
  console.log("Seeded demo accounts (local use only):");
  for (const row of rows) {
    const secret = row.totpSecret ? `  TOTP secret ${row.totpSecret}` : "";
    console.log(
      `  ${row.app.padEnd(5)} ${row.role.padEnd(10)} ${row.email.padEnd(28)} ${row.password.padEnd(22)}${secret}`,
    );
  }
  console.log("Staff log-in asks for a code: `npm run totp -- <staff email>` prints it.");
}
