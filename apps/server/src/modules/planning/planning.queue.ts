/**
 * The job queue for plan runs: pg-boss, a maintained PostgreSQL-backed queue, in the same
 * database as everything else (on PGlite through a one-function adapter). A run is a job;
 * the worker in this process executes it. A run queued while the server stops waits in the
 * queue for the next start; a run cut off mid-solve is not retried (the team asks again).
 */
import { sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import { type Database, withStartupLock } from '../../db/client.ts';

const QUEUE = 'plan-run';

export class PlanningQueue {
  private boss: PgBoss | null = null;

  constructor(
    private readonly database: Database,
    private readonly execute: (runId: string) => Promise<void>,
    private readonly log: (msg: string, err?: unknown) => void = () => {},
  ) {}

  async start(work = true): Promise<void> {
    const boss = new PgBoss({
      ...(this.database.queueConnection as object),
      schema: 'pgboss',
      schedule: false,
      supervise: true,
      max: 2,
    } as PgBoss.ConstructorOptions);
    boss.on('error', (err) => this.log('job queue error', err));
    // one server at a time: two creating the queue at once on a fresh database deadlock
    await withStartupLock(this.database, async () => {
      await boss.start();
      await boss.createQueue(QUEUE);
    });
    if (work) await this.failInterrupted();
    // One run at a time per server: the optimizer already uses every core.
    if (work)
      await boss.work<{ runId: string }>(QUEUE, { pollingIntervalSeconds: 0.5, batchSize: 1 }, async ([job]) => {
        try {
          await this.execute(job.data.runId);
        } catch (err) {
          // The run row already says failed (or the server is stopping); the queue need not retry.
          this.log('plan run failed', err);
        }
      });
    this.boss = boss;
  }

  /** Queues a run; if the queue cannot take it, the run is marked failed so nobody waits for it. */
  async enqueue(runId: string): Promise<void> {
    try {
      if (!this.boss) throw new Error('The planning queue is not running');
      await this.boss.send(QUEUE, { runId }, { retryLimit: 0, expireInSeconds: 15 * 60 });
    } catch (err) {
      await this.database.db.execute(
        sql`UPDATE plan_run SET status = 'failed', error_code = 'not_queued', error = 'Could not be queued', finished_at = now() WHERE id = ${runId}`,
      );
      throw err;
    }
  }

  /**
   * Runs left "running" by a server that stopped are marked failed, so the page stops waiting:
   * on the embedded database this server is the only worker, so every such run is dead; on
   * PostgreSQL another server may still be solving, so only runs well past their time limit.
   */
  private async failInterrupted() {
    const stale =
      this.database.kind === 'embedded'
        ? sql`true`
        : sql`created_at < now() - (time_limit_seconds + 900) * interval '1 second'`;
    await this.database.db.execute(sql`UPDATE plan_run SET status = 'failed', error_code = 'interrupted', error = 'Interrupted when the server stopped', finished_at = now()
                                        WHERE status = 'running' AND ${stale}`);
  }

  async stop(): Promise<void> {
    const boss = this.boss;
    this.boss = null;
    if (boss) await boss.stop({ graceful: true, wait: true, timeout: 5000 });
  }
}
