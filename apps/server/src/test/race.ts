/**
 * Makes concurrent requests really overlap on PostgreSQL. Requests sent together through
 * `app.inject` often run one after the other anyway, and PGlite always does; a guard that only
 * holds in that order proves nothing. Every audited transaction appends its audit row as its
 * last statement, which locks a row of `audit_head`; holding all those rows from another
 * connection lets each request run up to its last statement, while the others do the same.
 * Requests without an audit row are held at another lock they take (an advisory lock, a row).
 */
import pg from 'pg';

/** The PostgreSQL the db suite runs on, or undefined on PGlite. */
export const postgresUrl = process.env.DATABASE_URL || undefined;

/** By default the audit chain heads are held; requests that write no audit row need another lock. */
export const HOLD_AUDIT = 'SELECT id FROM audit_head FOR UPDATE';

/**
 * Starts `requests` while `hold` (a locking statement) is held, waits until `blocked` backends
 * wait on a lock (each request has run all it can), then lets them go and returns their answers.
 */
export async function race<T>(
  databaseUrl: string,
  blocked: number,
  requests: () => Promise<T>[],
  hold = HOLD_AUDIT,
): Promise<T[]> {
  const holder = new pg.Client({ connectionString: databaseUrl });
  await holder.connect();
  try {
    await holder.query('BEGIN');
    await holder.query(hold);
    const answers = Promise.all(requests());
    const deadline = Date.now() + 10_000;
    for (;;) {
      // Inside a transaction the activity view is a snapshot taken once: refresh it each time.
      await holder.query('SELECT pg_stat_clear_snapshot()');
      const { rows } = await holder.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if (rows[0].n >= blocked) break;
      if (Date.now() > deadline) throw new Error(`only ${rows[0].n} of ${blocked} requests reached a lock`);
      await new Promise((r) => setTimeout(r, 20));
    }
    await holder.query('COMMIT');
    return await answers;
  } finally {
    await holder.end();
  }
}
