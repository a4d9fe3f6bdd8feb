import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { auditHead, auditLog } from './audit.tables.ts';
import { canonicalText, verifyChain, type AuditEntry, type VerifyResult } from './audit.chain.ts';

/**
 * Appends one row to the chain inside the caller's transaction. One statement: the UPDATE of
 * `audit_head` takes its row lock (ordering concurrent writers until commit), computes the
 * next hash in SQL with the same formula as `chainHash`, and the INSERT uses it. Callers
 * should append as the last statement of their transaction to keep the lock short.
 */
export async function appendAudit(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  const text = canonicalText(entry);
  await tx.execute(sql`
    WITH h AS (
      UPDATE audit_head
         SET seq = seq + 1, hash = encode(sha256(convert_to(hash || ${text}, 'UTF8')), 'hex')
       WHERE id = 1
   RETURNING seq, hash)
    INSERT INTO audit_log (seq, at, actor_user_id, actor_name, action, recipient_id, basis, emergency_access_id, details, hash)
    SELECT h.seq, ${entry.at.toISOString()}::timestamptz, ${entry.actorUserId}, ${entry.actorName}, ${entry.action},
           ${entry.recipientId}, ${entry.basis}, ${entry.emergencyAccessId}, ${JSON.stringify(entry.details)}::jsonb, h.hash
      FROM h`);
}

export interface AuditQuery {
  recipientId?: string;
  actorUserId?: string;
  action?: string;
  /** Rows with seq below this, for paging newest first. */
  before?: number;
  limit: number;
}

/** Lists rows newest first. Callers check that the actor may see the log. */
export async function listAudit(db: DbOrTx, q: AuditQuery) {
  const where: SQL[] = [];
  if (q.recipientId)
    where.push(
      sql`(${auditLog.recipientId} = ${q.recipientId} OR ${auditLog.details} -> 'recipients' ? ${q.recipientId})`,
    );
  if (q.actorUserId) where.push(eq(auditLog.actorUserId, q.actorUserId));
  if (q.action) where.push(eq(auditLog.action, q.action));
  if (q.before) where.push(lt(auditLog.seq, q.before));
  return db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.seq))
    .limit(q.limit);
}

/** Reads the whole chain in pages and verifies it. */
export async function verifyAuditLog(db: Db, onProgress?: (seq: number) => void): Promise<VerifyResult> {
  const [head] = await db.select().from(auditHead).where(eq(auditHead.id, 1));
  const pageSize = 2000;
  async function* rows() {
    let after = 0;
    for (;;) {
      const page = await db
        .select()
        .from(auditLog)
        .where(sql`${auditLog.seq} > ${after}`)
        .orderBy(auditLog.seq)
        .limit(pageSize);
      for (const r of page) yield { ...r, at: new Date(r.at) };
      if (page.length < pageSize) return;
      after = page[page.length - 1].seq;
    }
  }
  return verifyChain(rows(), { seq: Number(head.seq), hash: head.hash }, onProgress);
}
