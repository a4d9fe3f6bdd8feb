import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase } from '../../db/client.ts';
import { PlanningQueue } from './planning.queue.ts';

/**
 * Several app servers starting at once on a fresh PostgreSQL (a first deployment, a restart of
 * every server together): each creates the job queue. pg-boss does that with a row and a new
 * partition, and two servers doing it together deadlocked (seen in CI: «deadlock detected», one
 * server not ready). The start-up lock makes them take turns.
 */
describe.skipIf(!process.env.DATABASE_URL)('the planning queue on a fresh PostgreSQL', () => {
  it('starts on four servers at once, and the queue exists once', async () => {
    const databases = await Promise.all(
      Array.from({ length: 4 }, () => openDatabase({ databaseUrl: process.env.DATABASE_URL })),
    );
    const queues: PlanningQueue[] = [];
    try {
      await migrateDatabase(databases[0]);
      await databases[0].db.execute(sql`DROP SCHEMA IF EXISTS pgboss CASCADE`);
      for (let round = 0; round < 3; round++) {
        const started = databases.map((d) => new PlanningQueue(d, async () => {}));
        queues.push(...started);
        await Promise.all(started.map((q) => q.start(true)));
        const rows = await databases[0].db.execute(
          sql`SELECT count(*)::int AS n FROM pgboss.queue WHERE name = 'plan-run'`,
        );
        expect((rows.rows[0] as { n: number }).n).toBe(1);
        await Promise.all(started.map((q) => q.stop()));
        await databases[0].db.execute(sql`DROP SCHEMA pgboss CASCADE`);
      }
    } finally {
      await Promise.all(queues.map((q) => q.stop()));
      await Promise.all(databases.map((d) => d.close()));
    }
  }, 120_000);
});
