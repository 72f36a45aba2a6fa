import type { Actor, Services } from "@exchange/domains/services";

export type { Actor, Services };

export interface Context {
  actor: Actor;
  services: Services;
  /** The caller's address, for audit and rate limits; undefined when unknown. */
  ip: string | undefined;
  /** The caller's browser (User-Agent), for audit entries and session lists; optional. */
  userAgent?: string | undefined;
}
