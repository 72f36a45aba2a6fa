import type pg from "pg";

/** One attempt of one job run, as `job_runs` keeps it for the admin console and for tests. */
export interface JobRunRow {
  id: number;
  jobName: string;
  jobId: string;
  businessKey: string;
  attempt: number;
  ok: boolean | null;
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

/**
 * The run log: a row per attempt, written when it starts and closed when it ends. It lives in
 * Postgres rather than in BullMQ's completed and failed sets because those are capped, keep
 * only a job's last attempt, and vanish with Redis; the log must show every attempt of a
 * retried run, beside the reports the runs wrote.
 */
export class JobRunLog {
  constructor(private readonly pool: pg.Pool) {}

  async started(run: Omit<JobRunRow, "id" | "ok" | "error" | "startedAt" | "finishedAt">) {
    const { rows } = await this.pool.query<{ id: string }>(
      `INSERT INTO job_runs (job_name, job_id, business_key, attempt, started_at)
       VALUES ($1, $2, $3, $4, now() AT TIME ZONE 'utc') RETURNING id`,
      [run.jobName, run.jobId, run.businessKey, run.attempt],
    );
    return Number(rows[0]?.id);
  }

  async finished(id: number, error?: unknown): Promise<void> {
    await this.pool.query(
      `UPDATE job_runs SET ok = $2, error = $3, finished_at = now() AT TIME ZONE 'utc' WHERE id = $1`,
      [id, error === undefined, error === undefined ? null : errorText(error)],
    );
  }

  /** Attempts of the runs with this business key, oldest first. */
  async attemptsOf(businessKey: string): Promise<JobRunRow[]> {
    const { rows } = await this.pool.query<JobRunRow>(
      `SELECT id::int AS "id", job_name AS "jobName", job_id AS "jobId",
              business_key AS "businessKey", attempt, ok, error,
              started_at AS "startedAt", finished_at AS "finishedAt"
         FROM job_runs WHERE business_key = $1 ORDER BY id`,
      [businessKey],
    );
    return rows;
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
