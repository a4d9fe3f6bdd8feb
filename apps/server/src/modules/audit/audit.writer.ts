import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { AUDIT_CHAINS } from './audit.tables.ts';
import { canonicalText, chainHash, type AuditEntry } from './audit.chain.ts';

/**
 * Group commit for the audit rows of reads. Concurrent reads queue their rows; one
 * transaction per batch locks a chain head, chains the rows in JS with the same formula as
 * the SQL in appendAudit, inserts them in one statement and moves the head. Each caller's
 * promise settles only when its row is committed, so no read is released unlogged; under
 * load one commit (and one WAL flush) serves many reads instead of one each.
 */
export class AuditWriter {
  private queue: { entry: AuditEntry; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private inFlight = 0;
  private scheduled = false;
  private nextChain = Math.floor(Math.random() * AUDIT_CHAINS);

  constructor(
    private readonly db: Db,
    private readonly maxInFlight = 4,
    private readonly maxBatch = 500,
  ) {}

  append(entry: AuditEntry): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ entry, resolve, reject });
      this.schedule();
    });
  }

  private schedule() {
    if (this.scheduled || this.inFlight >= this.maxInFlight || this.queue.length === 0) return;
    this.scheduled = true;
    // Let the rows of requests handled in this turn of the event loop join the batch.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush() {
    if (this.inFlight >= this.maxInFlight || this.queue.length === 0) return;
    const batch = this.queue.splice(0, this.maxBatch);
    const chain = this.nextChain;
    this.nextChain = (this.nextChain + 1) % AUDIT_CHAINS;
    this.inFlight++;
    try {
      await this.db.transaction(async (tx) => {
        const head = await tx.execute(sql`SELECT seq, hash FROM audit_head WHERE id = ${chain} FOR UPDATE`);
        let seq = Number(head.rows[0].seq);
        let hash = head.rows[0].hash as string;
        const rows = batch.map(({ entry: e }) => {
          seq += 1;
          hash = chainHash(hash, canonicalText(e));
          return sql`(${chain}, ${seq}, ${e.at.toISOString()}::timestamptz, ${e.actorUserId}, ${e.actorName}, ${e.action},
                      ${e.recipientId}, ${e.basis}::audit_basis, ${e.emergencyAccessId}, ${JSON.stringify(e.details)}::jsonb, ${hash})`;
        });
        await tx.execute(sql`
          INSERT INTO audit_log (chain, chain_seq, at, actor_user_id, actor_name, action, recipient_id, basis, emergency_access_id, details, hash)
          VALUES ${sql.join(rows, sql`, `)}`);
        await tx.execute(sql`UPDATE audit_head SET seq = ${seq}, hash = ${hash} WHERE id = ${chain}`);
      });
      for (const item of batch) item.resolve();
    } catch (err) {
      for (const item of batch) item.reject(err);
    } finally {
      this.inFlight--;
      this.schedule();
    }
  }
}

const writers = new WeakMap<Db, AuditWriter>();

/** The writer for one database handle (one per process and database). */
export function auditWriterFor(db: Db): AuditWriter {
  let w = writers.get(db);
  if (!w) {
    w = new AuditWriter(db);
    writers.set(db, w);
  }
  return w;
}
