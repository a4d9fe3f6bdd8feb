/**
 * The audit log as it is followed up: bound to the actor, with the policy (`canFollowUpAudit`:
 * administrators only) applied here rather than in the route, so no caller can list or verify
 * the log without it. The CLI's `tillit audit verify` is run by the operator with the database
 * itself and calls `verifyAuditLog` directly.
 */
import type { AuditQuery } from '@tillit/contracts';
import { and, desc, eq, lt, type SQL, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { forbidden } from '../../http/errors.ts';
import { canFollowUpAudit } from '../access/index.ts';
import { verifyAuditLog } from './audit.repository.ts';
import { auditLog } from './audit.tables.ts';

/** Lists rows newest first. */
async function listAudit(db: DbOrTx, q: AuditQuery) {
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

export class AuditReader {
  constructor(
    private readonly db: Db,
    private readonly actor: Actor,
  ) {}

  /** Rows newest first, filtered by person, actor or action. */
  list(q: AuditQuery) {
    if (!canFollowUpAudit(this.actor)) throw forbidden('admin_only', 'Only administrators see the whole audit log');
    return listAudit(this.db, q);
  }

  /** Verifies every chain (see `verifyAuditLog`). */
  verify() {
    if (!canFollowUpAudit(this.actor)) throw forbidden('admin_only', 'Only administrators verify the audit log');
    return verifyAuditLog(this.db);
  }
}
