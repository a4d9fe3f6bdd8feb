/**
 * The job queue for plan runs: pg-boss, a maintained PostgreSQL-backed queue, in the same
 * database as everything else (on PGlite through a one-function adapter). A run is a job;
 * the worker in this process executes it. A run queued while the server stops waits in the
 * queue for the next start; a run cut off mid-solve is not retried (the team asks again).
 */
import PgBoss from 'pg-boss';
import type { Database } from '../../db/client.ts';

const QUEUE = 'plan-run';

export class PlanningQueue {
  private boss: PgBoss | null = null;

  constructor(
    private readonly database: Database,
    private readonly execute: (runId: string) => Promise<void>,
    private readonly log: (msg: string, err?: unknown) => void = () => {},
  ) {}

  async start(work = true): Promise<void> {
    const boss = new PgBoss({ ...(this.database.queueConnection as object), schema: 'pgboss', schedule: false, supervise: true, max: 2 } as PgBoss.ConstructorOptions);
    boss.on('error', (err) => this.log('job queue error', err));
    await boss.start();
    await boss.createQueue(QUEUE);
    // One run at a time per server: the optimizer already uses every core.
    if (work)
      await boss.work<{ runId: string }>(QUEUE, { pollingIntervalSeconds: 0.5, batchSize: 1 }, async ([job]) => {
      await this.execute(job.data.runId);
    });
    this.boss = boss;
  }

  async enqueue(runId: string): Promise<void> {
    if (!this.boss) throw new Error('The planning queue is not running');
    await this.boss.send(QUEUE, { runId }, { retryLimit: 0, expireInSeconds: 15 * 60 });
  }

  async stop(): Promise<void> {
    const boss = this.boss;
    this.boss = null;
    if (boss) await boss.stop({ graceful: true, wait: true, timeout: 5000 });
  }
}
