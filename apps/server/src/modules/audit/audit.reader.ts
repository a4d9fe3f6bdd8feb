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
import { findPeople } from '../recipients/index.ts';
import { appendAudit, verifyAuditLog } from './audit.repository.ts';
import { auditLog } from './audit.tables.ts';

/** The route's query, and several people's rows at once (a search by name can find more than one). */
type ReaderQuery = Omit<AuditQuery, 'person'> & { recipientIds?: string[] };

/** Lists rows newest first. */
async function listAudit(db: DbOrTx, q: ReaderQuery) {
  const where: SQL[] = [];
  if (q.recipientId)
    where.push(
      sql`(${auditLog.recipientId} = ${q.recipientId} OR ${auditLog.details} -> 'recipients' ? ${q.recipientId})`,
    );
  if (q.recipientIds) {
    const ids = `{${q.recipientIds.join(',')}}`;
    where.push(
      sql`(${auditLog.recipientId} = ANY(${ids}::uuid[]) OR ${auditLog.details} -> 'recipients' ?| ${ids}::text[])`,
    );
  }
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
  list(q: ReaderQuery) {
    if (!canFollowUpAudit(this.actor)) throw forbidden('admin_only', 'Only administrators see the whole audit log');
    return listAudit(this.db, q);
  }

  /**
   * Rows about the people a name or national identity number finds (through the recipients
   * module), newest first, with the people found. The search itself is logged: whom the
   * administrator looked for is a look at those people's data.
   */
  async search(person: string, q: Omit<ReaderQuery, 'recipientId' | 'recipientIds'>) {
    if (!canFollowUpAudit(this.actor)) throw forbidden('admin_only', 'Only administrators see the whole audit log');
    const found = await findPeople(this.db, person);
    const ids = found.people.map((p) => p.id);
    await appendAudit(this.db, {
      at: new Date(),
      actorUserId: this.actor.userId,
      actorName: this.actor.displayName,
      action: 'audit.personSearch',
      recipientId: ids.length === 1 ? ids[0] : null,
      basis: 'admin',
      emergencyAccessId: null,
      // Never the searched text: a name or number typed wrongly may be someone else's.
      details: { by: found.by, recipients: ids },
    });
    const rows = ids.length === 0 ? [] : await listAudit(this.db, { ...q, recipientIds: ids });
    return { people: found.people, rows };
  }

  /** Verifies every chain (see `verifyAuditLog`). */
  verify() {
    if (!canFollowUpAudit(this.actor)) throw forbidden('admin_only', 'Only administrators verify the audit log');
    return verifyAuditLog(this.db);
  }
}
