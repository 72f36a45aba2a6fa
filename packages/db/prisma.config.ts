/**
 * Prisma CLI configuration. The machines this project builds on reach no host but the npm
 * registry, so the CLI runs the wasm schema engine over the `pg` driver adapter instead of
 * downloading its native engine (../../../shared/TOOLCHAIN.md lists the four workarounds below).
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { defineConfig } from "prisma/config";

/** Postgres catalog types the wasm engine cannot deserialize; text is what it expects. */
const CATALOG_TEXT_TYPES = new Set([18 /* "char" */, 19 /* name */]);
const TEXT_TYPE_ID = 25;

/** Reports `"char"` and `name` columns as `text` so catalog introspection deserializes. */
class CatalogFriendlyClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's overloads are not expressible in a subclass.
  override query(...args: any[]): any {
    const last = args.length - 1;
    const callback = args[last];
    // pg.Pool calls back; direct callers await a promise. Rewrite the fields either way.
    if (typeof callback === "function") {
      args[last] = (error: Error | null, result: pg.QueryResult) => {
        if (result) reportCatalogTypesAsText(result);
        callback(error, result);
      };
    }
    // biome-ignore lint/suspicious/noExplicitAny: as above
    const pending = (super.query as any)(...args);
    return typeof pending?.then === "function"
      ? pending.then((result: pg.QueryResult) => reportCatalogTypesAsText(result))
      : pending;
  }
}

function reportCatalogTypesAsText(result: pg.QueryResult): pg.QueryResult {
  for (const field of result.fields ?? []) {
    if (CATALOG_TEXT_TYPES.has(field.dataTypeID)) field.dataTypeID = TEXT_TYPE_ID;
  }
  return result;
}

/**
 * The migrate CLI's adapter. Two departures from PrismaPg:
 * - scripts go to Postgres whole (the stock adapter splits them on every `;`, which breaks
 *   function bodies such as the audit log's append-only trigger);
 * - the shadow database is dropped after its own pool closes, WITH (FORCE), so a lingering
 *   connection cannot fail the run with "being accessed by other users".
 */
class MigratePg extends PrismaPg {
  constructor(private readonly poolConfig: pg.PoolConfig) {
    super(poolConfig);
  }

  override async connect() {
    return runScriptsWhole(await super.connect());
  }

  override async connectToShadowDb() {
    const main = await this.connect();
    const database = `prisma_shadow_${crypto.randomUUID().replaceAll("-", "")}`;
    await main.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = runScriptsWhole(await new PrismaPg({ ...this.poolConfig, database }).connect());
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await main.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await main.dispose();
    };
    return shadow;
  }
}

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;

function runScriptsWhole(adapter: PgAdapter): PgAdapter {
  adapter.executeScript = async (script: string) => {
    await adapter.underlyingDriver().query(script);
  };
  return adapter;
}

/** Discrete fields, not a connectionString: a connectionString would override the shadow name. */
function poolConfigFromUrl(databaseUrl: string): pg.PoolConfig {
  const url = new URL(databaseUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username || "postgres"),
    password: decodeURIComponent(url.password),
    database: url.pathname.slice(1) || "postgres",
    Client: CatalogFriendlyClient,
    allowExitOnIdle: true,
  };
}

/** The wasm engine arms long timers that keep the CLI alive for up to a minute after it is done. */
function unrefLongTimers(minDelayMs = 5_000) {
  const original = globalThis.setTimeout;
  const patched = (...args: Parameters<typeof setTimeout>) => {
    const timer = original(...args);
    if ((args[1] ?? 0) >= minDelayMs) timer.unref?.();
    return timer;
  };
  globalThis.setTimeout = Object.assign(patched, original) as typeof setTimeout;
}

unrefLongTimers();

export default defineConfig({
  experimental: { adapter: true },
  schema: "prisma/schema.prisma",
  engine: "js",
  adapter: async () => {
    const databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) throw new Error("DATABASE_URL is not set; migrations need a database.");
    return new MigratePg(poolConfigFromUrl(databaseUrl));
  },
});
