import type { Db, StaffRole } from "@exchange/db";
import type { EngineClient } from "@exchange/protocol";

/** Who is calling, as established by the app's session (next-auth) before the API runs. */
export type Actor =
  | { kind: "anonymous" }
  | { kind: "user"; userId: number }
  | { kind: "staff"; staffId: number; roles: readonly StaffRole[] };

/** Long-lived collaborators, created once per server process. */
export interface Services {
  db: Db;
  engine: EngineClient;
}

export interface Context {
  actor: Actor;
  services: Services;
  /** The caller's address, for audit and rate limits; undefined when unknown. */
  ip: string | undefined;
}
