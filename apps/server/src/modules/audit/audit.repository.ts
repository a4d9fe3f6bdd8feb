import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AUDIT_CHAINS, auditHead, auditLog } from './audit.tables.ts';
import { canonicalText, verifyChain, type AuditEntry, type VerifyResult } from './audit.chain.ts';

/**
 * Appends one row to the chain inside the caller's transaction. One statement: the UPDATE of
 * `audit_head` takes its row lock (ordering concurrent writers until commit), computes the
 * next hash in SQL with the same formula as `chainHash`, and the INSERT uses it. Callers
 * should append as the last statement of their transaction to keep the lock short.
 */
let nextChain = 0;

export async function appendAudit(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  const text = canonicalText(entry);
  // Round robin over the chains spreads concurrent writers over different head rows.
  const chain = nextChain;
  nextChain = (nextChain + 1) % AUDIT_CHAINS;
  await tx.execute(sql`
    WITH h AS (
      UPDATE audit_head
         SET seq = seq + 1, hash = encode(sha256(convert_to(hash || ${text}, 'UTF8')), 'hex')
       WHERE id = ${chain}
   RETURNING id, seq, hash)
    INSERT INTO audit_log (chain, chain_seq, at, actor_user_id, actor_name, action, recipient_id, basis, emergency_access_id, details, hash)
    SELECT h.id, h.seq, ${entry.at.toISOString()}::timestamptz, ${entry.actorUserId}, ${entry.actorName}, ${entry.action},
           ${entry.recipientId}, ${entry.basis}, ${entry.emergencyAccessId}, ${JSON.stringify(entry.details)}::jsonb, h.hash
      FROM h`);
}

/**
 * Reads every chain in pages and verifies it. Reports the break with the lowest global seq,
 * so the administrator is pointed to the earliest damage.
 */
export async function verifyAuditLog(db: Db, onProgress?: (rows: number) => void): Promise<AuditVerifyResult> {
  const heads = await db.select().from(auditHead).orderBy(auditHead.id);
  const pageSize = 2000;
  let total = 0;
  const breaks: Extract<AuditVerifyResult, { ok: false }>[] = [];
  for (const head of heads) {
    async function* rows() {
      let after = 0;
      for (;;) {
        const page = await db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.chain, head.id), sql`${auditLog.chainSeq} > ${after}`))
          .orderBy(auditLog.chainSeq)
          .limit(pageSize);
        for (const r of page) yield { ...r, at: new Date(r.at) };
        if (page.length < pageSize) return;
        after = page[page.length - 1].chainSeq;
      }
    }
    const result = await verifyChain(rows(), { chainSeq: Number(head.seq), hash: head.hash });
    total += result.rows;
    onProgress?.(total);
    if (!result.ok) breaks.push({ ...result, chain: head.id });
  }
  if (breaks.length === 0) return { ok: true, rows: total };
  breaks.sort((a, b) => (a.firstBrokenSeq ?? Infinity) - (b.firstBrokenSeq ?? Infinity));
  return { ...breaks[0], rows: total };
}

export type AuditVerifyResult = { ok: true; rows: number } | (Extract<VerifyResult, { ok: false }> & { chain: number });
