import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { AUDIT_CHAINS } from './audit.tables.ts';
import { canonicalText, type AuditEntry } from './audit.chain.ts';

/**
 * Group commit for the audit rows of reads. Concurrent reads queue their rows; one statement
 * per batch (its own transaction: one round trip, one commit, one WAL flush) locks a chain
 * head, chains the rows in SQL with the same formula as appendAudit (hash(n) =
 * SHA-256(hash(n-1) ‖ canonical text of row n), the text made here by canonicalText),
 * inserts them and moves the head. Each caller's promise settles only when its row is
 * committed, so no read is released unlogged; under load one commit serves many reads.
 */
export class AuditWriter {
  private queue: { entry: AuditEntry; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private inFlight = 0;
  private scheduled = false;
  private nextChain = Math.floor(Math.random() * AUDIT_CHAINS);
  private readonly statement: AppendStatement;

  constructor(
    db: Db,
    private readonly maxInFlight = 2,
    private readonly maxBatch = 500,
  ) {
    this.statement = prepareAppend(db);
  }

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
      await this.statement.execute({ chain, rows: batchRows(batch.map((b) => b.entry)) });
      for (const item of batch) item.resolve();
    } catch (err) {
      for (const item of batch) item.reject(err);
    } finally {
      this.inFlight--;
      this.schedule();
    }
  }
}

/** The batch as JSON for jsonb_to_recordset, each row with the canonical text its hash covers. */
function batchRows(entries: AuditEntry[]): string {
  return JSON.stringify(
    entries.map((e, i) => ({
      n: i + 1,
      at: e.at.toISOString(),
      actor_user_id: e.actorUserId,
      actor_name: e.actorName,
      action: e.action,
      recipient_id: e.recipientId,
      basis: e.basis,
      emergency_access_id: e.emergencyAccessId,
      details: e.details,
      canonical: canonicalText(e),
    })),
  );
}

type AppendStatement = { execute(params: { chain: number; rows: string }): Promise<unknown> };

/**
 * One statement that appends a batch to chain `chain`: the head row is locked (FOR UPDATE)
 * until the statement commits; a recursive CTE walks the hash chain from the head's hash
 * over the canonical texts in order; the rows are inserted and the head moved to the last.
 * Prepared by name (drizzle's session API, as its query builders do), because parsing and
 * planning it every time cost as much database time as running it.
 */
function prepareAppend(db: Db): AppendStatement {
  const chain = sql.placeholder('chain');
  const statement = sql`
    WITH RECURSIVE
      batch AS (
        SELECT * FROM jsonb_to_recordset(${sql.placeholder('rows')}::jsonb)
          AS b(n int, at timestamptz, actor_user_id uuid, actor_name text, action text, recipient_id uuid,
               basis audit_basis, emergency_access_id uuid, details jsonb, canonical text)),
      texts AS (SELECT array_agg(canonical ORDER BY n) AS t FROM batch),
      head AS (SELECT seq, hash FROM audit_head WHERE id = ${chain}::int FOR UPDATE),
      chained AS (
        SELECT 1 AS n, head.seq + 1 AS seq, encode(sha256(convert_to(head.hash || texts.t[1], 'UTF8')), 'hex') AS hash
          FROM head, texts
        UNION ALL
        SELECT c.n + 1, c.seq + 1, encode(sha256(convert_to(c.hash || texts.t[c.n + 1], 'UTF8')), 'hex')
          FROM chained c, texts WHERE c.n < cardinality(texts.t)),
      inserted AS (
        INSERT INTO audit_log (chain, chain_seq, at, actor_user_id, actor_name, action, recipient_id, basis,
                               emergency_access_id, details, hash)
        SELECT ${chain}::int, c.seq, b.at, b.actor_user_id, b.actor_name, b.action, b.recipient_id, b.basis,
               b.emergency_access_id, b.details, c.hash
          FROM chained c JOIN batch b USING (n)
        RETURNING chain_seq, hash)
    UPDATE audit_head SET seq = last.chain_seq, hash = last.hash
      FROM (SELECT chain_seq, hash FROM inserted ORDER BY chain_seq DESC LIMIT 1) AS last
     WHERE audit_head.id = ${chain}::int`;
  return db._.session.prepareQuery(new PgDialect().sqlToQuery(statement), undefined, 'audit_append_batch', false);
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
