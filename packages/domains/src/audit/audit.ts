import { summarizeUserAgent } from "../identity/user-agent";
import type { Services } from "../services";
import { type AuditFilter, findAuditRows, findAuditVocabulary } from "./audit-repository";

/**
 * Newest first, `limit` entries older than `before` (keyset pagination by id), narrowed by
 * `filter`; each with the device its user agent names, for the console's Device column.
 */
export async function listAudit(
  services: Services,
  page: { limit: number; before?: bigint | undefined } & AuditFilter,
) {
  const rows = await findAuditRows(services.db, page);
  return {
    rows: rows.map((row) => ({ ...row, device: summarizeUserAgent(row.userAgent) })),
    nextBefore: rows.length === page.limit ? rows.at(-1)?.id : undefined,
  };
}

/** Distinct actions and target types present in the log, for the filter's choices. */
export function auditVocabulary(services: Services) {
  return findAuditVocabulary(services.db);
}
