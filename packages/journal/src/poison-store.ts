import type pg from "pg";

/** A command that threw while the core applied it (see `engine_poison_commands`). */
export interface PoisonCommand {
  commandId: string;
  /** Stream entry that carried it the last time. */
  entryId: string;
  /** The error of the last stop. */
  error: string;
  /** How many times applying it stopped the engine. */
  stops: number;
}

/** Error text kept per command: enough for a stack, bounded whatever the error. */
const ERROR_CHARS_MAX = 4_000;

/**
 * Commands that stopped the engine, in PostgreSQL. The engine records each stop before it exits
 * (durably: the next start decides from it), and loads at start-up those that stopped it often
 * enough to be set aside rather than applied again.
 */
export class PoisonCommandStore {
  constructor(private readonly pool: pg.Pool) {}

  /** Counts one more stop caused by this command; returns how many it has caused. */
  async recordStop(stop: { commandId: string; entryId: string; error: string }): Promise<number> {
    const { rows } = await this.pool.query<{ stops: number }>(
      `INSERT INTO engine_poison_commands (command_id, entry_id, error)
       VALUES ($1, $2, $3)
       ON CONFLICT (command_id) DO UPDATE SET
         entry_id = EXCLUDED.entry_id, error = EXCLUDED.error,
         stops = engine_poison_commands.stops + 1, last_at = CURRENT_TIMESTAMP
       RETURNING stops`,
      [stop.commandId, stop.entryId, stop.error.slice(0, ERROR_CHARS_MAX)],
    );
    return rows[0]?.stops ?? 0;
  }

  /** Commands that have stopped the engine at least `stops` times, by command id. */
  async stoppedAtLeast(stops: number): Promise<Map<string, PoisonCommand>> {
    const { rows } = await this.pool.query<{
      command_id: string;
      entry_id: string;
      error: string;
      stops: number;
    }>("SELECT command_id, entry_id, error, stops FROM engine_poison_commands WHERE stops >= $1", [
      stops,
    ]);
    return new Map(
      rows.map((r) => [
        r.command_id,
        { commandId: r.command_id, entryId: r.entry_id, error: r.error, stops: r.stops },
      ]),
    );
  }
}
