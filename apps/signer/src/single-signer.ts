import pg from "pg";

/**
 * One signer per chain and database: a PostgreSQL session advisory lock, held by a connection of
 * its own for the process's life and released by the server when the process dies. A second
 * signer would allocate the same nonces and sweep the same deposits; it refuses to start
 * instead. (A withdrawal could not be sent twice even then: its move to BROADCAST is a
 * compare-and-set in the transaction that stores its signed bytes.)
 */
export async function holdSignerLock(
  databaseUrl: string,
  chainKey: string,
): Promise<{ held: boolean; release(): Promise<void> }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ held: boolean }>(
    "SELECT pg_try_advisory_lock(hashtext($1)) AS held",
    [`exchange-signer:${chainKey}`],
  );
  const held = rows[0]?.held === true;
  const release = () => client.end();
  if (!held) await release();
  return { held, release };
}
