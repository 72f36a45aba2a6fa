import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import pg from "pg";

const PACKAGE_DIR = fileURLToPath(new URL("..", import.meta.url));

/** Applies pending migrations with the Prisma CLI (wasm engine, offline; see prisma.config.ts). */
export async function migrateDatabase(databaseUrl: string): Promise<void> {
  await promisify(execFile)("npx", ["prisma", "migrate", "deploy"], {
    cwd: PACKAGE_DIR,
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
}

/** Creates the database named in `databaseUrl` unless it exists. Returns whether it created it. */
export async function ensureDatabase(databaseUrl: string): Promise<boolean> {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  return withMaintenanceClient(databaseUrl, async (admin) => {
    const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount) return false;
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    return true;
  });
}

/** Drops the database named in `databaseUrl`, closing any connection still open to it. */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  await withMaintenanceClient(databaseUrl, (admin) =>
    admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`),
  );
}

/** `base` with its database name replaced. */
export function withDatabaseName(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates `name` as a copy of `template` (which must have no open connections). Returns its URL. */
export async function createDatabaseFromTemplate(
  templateUrl: string,
  name: string,
): Promise<string> {
  const template = decodeURIComponent(new URL(templateUrl).pathname.slice(1));
  await withMaintenanceClient(templateUrl, (admin) =>
    admin.query(
      `CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(template)}`,
    ),
  );
  return withDatabaseName(templateUrl, name);
}

/** Drops every database whose name starts with `prefix` (a test run's leftovers). */
export async function dropDatabasesByPrefix(serverUrl: string, prefix: string): Promise<void> {
  await withMaintenanceClient(serverUrl, async (admin) => {
    const { rows } = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
      [prefix],
    );
    for (const { datname } of rows) {
      await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)} WITH (FORCE)`);
    }
  });
}

async function withMaintenanceClient<T>(
  anyUrl: string,
  work: (admin: pg.Client) => Promise<T>,
): Promise<T> {
  const url = new URL(anyUrl);
  url.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
