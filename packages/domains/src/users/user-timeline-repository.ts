import type { Store } from "../services";

/**
 * A user's timeline read from the tables that already record it: the audit log (log-ins and
 * failed log-ins with address and browser, order actions, KYC submissions and decisions, security
 * changes, staff actions on the user), deposits and withdrawals. Nothing is written for it.
 * Newest first by (time, source, id; numeric ids zero-padded so text order is number order), so a
 * keyset cursor pages through without gaps or repeats
 * however many entries share a millisecond.
 */

export type TimelineSource = "audit" | "deposit" | "withdrawal";

export interface TimelineRow {
  at: Date;
  source: TimelineSource;
  id: string;
  kind: string;
  action: string;
  actorType: string | null;
  ip: string | null;
  userAgent: string | null;
  detail: unknown;
}

export interface TimelinePosition {
  at: Date;
  source: TimelineSource;
  id: string;
}

export async function findTimelineRows(
  db: Store,
  query: {
    userId: number;
    kinds: readonly string[];
    after: TimelinePosition | null;
    limit: number;
  },
): Promise<TimelineRow[]> {
  const user = String(query.userId);
  const after = query.after;
  return db.$queryRaw<TimelineRow[]>`
    WITH entries AS (
      SELECT a.created_at AS at, 'audit' AS source, lpad(a.id::text, 20, '0') AS id,
             CASE
               WHEN a.action LIKE 'kyc.%' THEN 'KYC'
               WHEN a.actor_type = 'STAFF' THEN 'STAFF'
               WHEN a.action IN ('user.logged_in', 'user.login_failed', 'user.logged_out') THEN 'LOGIN'
               WHEN a.action LIKE 'order.%' THEN 'ORDER'
               ELSE 'ACCOUNT'
             END AS kind,
             a.action, a.actor_type::text AS "actorType", a.ip, a.user_agent AS "userAgent",
             a.after AS detail
        FROM audit_log a
       WHERE (a.target_type = 'user' AND a.target_id = ${user})
          OR (a.actor_type = 'USER' AND a.actor_id = ${user})
          OR (a.target_type = 'kyc_submission' AND a.actor_type = 'STAFF' AND a.target_id IN (
                SELECT k.id::text FROM kyc_submissions k WHERE k.user_id = ${query.userId}))
      UNION ALL
      SELECT d.created_at, 'deposit', lpad(d.id::text, 20, '0'), 'FUNDS', 'deposit', NULL, NULL, NULL,
             jsonb_build_object('asset', d.asset_code, 'amountAtoms', d.amount_atoms::text,
                                'status', d.status::text, 'txHash', d.tx_hash)
        FROM deposits d WHERE d.user_id = ${query.userId}
      UNION ALL
      SELECT w.created_at, 'withdrawal', w.id::text, 'FUNDS', 'withdrawal', NULL, NULL, NULL,
             jsonb_build_object('asset', w.asset_code, 'amountAtoms', w.amount_atoms::text,
                                'status', w.status::text, 'address', w.to_address)
        FROM withdrawals w WHERE w.user_id = ${query.userId}
    )
    SELECT * FROM entries
     WHERE kind = ANY(${[...query.kinds]}::text[])
       AND (${after === null}
            OR (at, source COLLATE "C", id COLLATE "C")
               < (${after?.at ?? new Date(0)}::timestamp(3), ${after?.source ?? ""} COLLATE "C", ${after?.id ?? ""} COLLATE "C"))
     ORDER BY at DESC, source COLLATE "C" DESC, id COLLATE "C" DESC
     LIMIT ${query.limit}`;
}
