import { sql } from 'drizzle-orm';
import { type DbOrTx, rowsOf } from '../../db/client.ts';

export interface PersonAuditRow {
  at: Date | string;
  actorUserId: string | null;
  actorName: string;
  action: string;
  basis: 'care_relation' | 'emergency' | 'team_level' | 'admin' | 'denied' | 'portal';
  emergencyReason: string | null;
}

/**
 * The audit rows about one person, newest first, for the person's own right to know who has
 * read their record (pasientjournalloven § 18, helsepersonelloven § 21a, GDPR art. 15): the
 * portal (modules/portal) shows them to the person and puts them in their data export.
 * `leaveOut` are users whose rows are not listed (the person's own reads of their pages, which
 * would otherwise flood the list). The caller has decided the actor may see this person's log.
 */
export async function auditRowsAbout(
  db: DbOrTx,
  recipientId: string,
  leaveOut: string[],
  limit: number,
): Promise<PersonAuditRow[]> {
  return rowsOf<PersonAuditRow>(
    await db.execute(sql`SELECT at, actor_user_id AS "actorUserId", actor_name AS "actorName", action, basis,
                                details->>'emergencyReason' AS "emergencyReason"
                           FROM audit_log
                          WHERE recipient_id = ${recipientId}
                            AND (actor_user_id IS NULL OR NOT actor_user_id = ANY(${`{${leaveOut.join(',')}}`}::uuid[]))
                          ORDER BY seq DESC LIMIT ${limit}`),
  );
}
