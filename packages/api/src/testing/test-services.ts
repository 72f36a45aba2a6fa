/**
 * Real collaborators for integration tests: the run's fresh database and Redis prefix (set up
 * by scripts/test-services.ts), and callers acting as any kind of actor.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { StaffRole } from "@exchange/db";
import type { Actor, Services } from "../context";
import { adminRouter } from "../routers/admin-router";
import { traderRouter } from "../routers/trader-router";
import { closeServices, createServices } from "../services/create-services";
import { createCallerFactory } from "../trpc";

/**
 * Services on the run's database and Redis prefix. Uploaded documents go to a fresh temporary
 * directory (or `documentStorageDir`), never the developer's `.data/`.
 */
export function testServices(options: { documentStorageDir?: string } = {}): Promise<Services> {
  const { DATABASE_URL, REDIS_URL, REDIS_PREFIX } = process.env;
  if (!DATABASE_URL || !REDIS_URL || !REDIS_PREFIX) {
    throw new Error(
      "integration tests run under vitest's integration project (scripts/test-services.ts)",
    );
  }
  return createServices({
    databaseUrl: DATABASE_URL,
    redisUrl: REDIS_URL,
    redisPrefix: REDIS_PREFIX,
    documentStorageDir:
      options.documentStorageDir ?? mkdtempSync(join(tmpdir(), "exchange-test-documents-")),
  });
}

export { closeServices };

const traderCaller = createCallerFactory(traderRouter);
const adminCaller = createCallerFactory(adminRouter);

export function callTraderApi(services: Services, actor: Actor = { kind: "anonymous" }) {
  return traderCaller({ actor, services, ip: "127.0.0.1" });
}

export function callAdminApi(services: Services, actor: Actor = { kind: "anonymous" }) {
  return adminCaller({ actor, services, ip: "127.0.0.1" });
}

export function staffActor(staffId: number, ...roles: StaffRole[]): Actor {
  return { kind: "staff", staffId, roles };
}
