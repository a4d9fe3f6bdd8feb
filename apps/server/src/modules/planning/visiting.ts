/**
 * «Hvem kommer?»: the person served, or next of kin, sees who is coming when — the coming
 * two weeks' visits with the time and the helpers' first names, nothing about the care
 * itself. The team makes the link from the record (a write under the care relation); the
 * link holds a random token of which only a SHA-256 is stored. Every look is audited.
 */
import { createHash, randomBytes } from 'node:crypto';
import { osloDate } from '@tillit/contracts';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError } from '../../http/errors.ts';
import type { Clock } from '../../time/clock.ts';
import { withRecordAccess } from '../access/access.repository.ts';
import { auditWriterFor } from '../audit/audit.writer.ts';
import { visitingLinks } from './planning.tables.ts';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export function createVisitingLink(db: Db, actor: Actor, recipientId: string) {
  return withRecordAccess(db, actor, recipientId, 'visiting_link.create', 'write', async (tx) => {
    // A new link replaces the old ones: a lost phone is dealt with by making a new link.
    await tx
      .update(visitingLinks)
      .set({ revokedAt: new Date() })
      .where(and(eq(visitingLinks.recipientId, recipientId), isNull(visitingLinks.revokedAt)));
    const token = randomBytes(24).toString('base64url');
    const [row] = await tx
      .insert(visitingLinks)
      .values({ recipientId, tokenHash: hash(token), createdBy: actor.userId })
      .returning({ id: visitingLinks.id });
    return { result: { path: `/who/${token}` }, details: { linkId: row.id } };
  });
}

export async function visitingView(db: Db, token: string, clock: Clock) {
  const [link] = await db
    .select({ id: visitingLinks.id, recipientId: visitingLinks.recipientId })
    .from(visitingLinks)
    .where(and(eq(visitingLinks.tokenHash, hash(token)), isNull(visitingLinks.revokedAt)));
  if (!link) throw new AppError(404, 'link_unknown', 'This link is not valid (any more). Ask the team for a new one.');
  const today = osloDate(clock.now());
  const [person] = rowsOf<{ givenName: string }>(
    await db.execute(sql`SELECT given_name AS "givenName" FROM recipient WHERE id = ${link.recipientId}`),
  );
  const visits = rowsOf<{
    date: string;
    windowStart: number;
    windowEnd: number;
    plannedStart: number | null;
    helpers: string[] | null;
  }>(
    await db.execute(sql`SELECT v.date::text AS date, v.window_start AS "windowStart", v.window_end AS "windowEnd", v.planned_start AS "plannedStart",
                                (SELECT json_agg(s.given_name ORDER BY s.given_name) FROM staff s WHERE s.id IN (v.staff_id, v.second_staff_id)) AS helpers
                           FROM visit v
                          WHERE v.recipient_id = ${link.recipientId} AND v.date BETWEEN ${today}::date AND ${today}::date + 13 AND v.status IN ('planned', 'started')
                          ORDER BY v.date, COALESCE(v.planned_start, v.window_start)`),
  );
  await auditWriterFor(db).append({
    at: new Date(),
    actorUserId: null,
    actorName: 'Lenke «Hvem kommer?»',
    action: 'visiting.view',
    recipientId: link.recipientId,
    basis: 'care_relation',
    emergencyAccessId: null,
    details: { linkId: link.id },
  });
  return { givenName: person?.givenName ?? '', visits: visits.map((v) => ({ ...v, helpers: v.helpers ?? [] })) };
}
