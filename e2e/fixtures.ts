/**
 * Where the end-to-end run's apps listen. playwright.config.ts starts production builds of
 * both apps (and the engine) against a fresh database and Redis prefix, on these ports.
 */
export const WEB_URL = process.env.E2E_WEB_URL ?? "http://127.0.0.1:3000";
export const ADMIN_URL = process.env.E2E_ADMIN_URL ?? "http://127.0.0.1:3100";

/** Demo accounts created by the seed (packages/db/src/seed-data.ts). */
export { SEED_STAFF, SEED_TRADERS } from "../packages/db/src/seed-data";

/** A fresh email per call, so tests never collide with each other or with earlier runs. */
export function uniqueEmail(tag: string): string {
  return `${tag}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}
