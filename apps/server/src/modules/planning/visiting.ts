/**
 * «Hvem kommer?»: the person served, or one next of kin, sees who is coming when — the coming
 * two weeks' visits with the time and the helpers' first names, nothing about the care and
 * not even the person's name (whoever finds the link learns nothing about whom it is for).
 * The link holds a random token of which only a SHA-256 is stored, and every look is audited.
 *
 * Who may make one, and for how long it works:
 * - only a member of the serving team (the policy's `serve`: emergency access opens the
 *   record, it does not make the reader part of the team), refused and audited otherwise;
 * - it expires after `TILLIT_VISITING_LINK_DAYS` (30 by default) and ends when the team that
 *   made it no longer serves the person;
 * - a link for next of kin needs the person's consent to share with next of kin
 *   (`recipient.consent_share_with_next_of_kin`) when it is made and every time it is opened,
 *   so withdrawing the consent ends it, as does removing that next of kin. A link for the
 *   person themself needs no consent: it is their own information. The reservation against
 *   sharing (`reservation_against_sharing`, helsepersonelloven § 25) is about sharing among
 *   health personnel, so it neither blocks the person's own link nor stands in for consent.
 */
import { createHash, randomBytes } from 'node:crypto';
import { osloDate } from '@tillit/contracts';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, badInput, conflict } from '../../http/errors.ts';
import type { Clock } from '../../time/clock.ts';
import { validOn } from '../../time/sql.ts';
import { withRecordAccess } from '../access/access.repository.ts';
import { auditWriterFor } from '../audit/audit.writer.ts';
import { visitingLinks } from './planning.tables.ts';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export type VisitingLinkFor = { for: 'person' } | { for: 'next_of_kin'; nextOfKinId: string };

export function createVisitingLink(db: Db, actor: Actor, recipientId: string, input: VisitingLinkFor, days: number) {
  return withRecordAccess(db, actor, recipientId, 'visiting_link.create', 'serve', async (tx) => {
    const nextOfKinId = input.for === 'next_of_kin' ? input.nextOfKinId : null;
    const [facts] = rowsOf<{ teamId: string; consent: boolean; kinKnown: boolean }>(
      await tx.execute(sql`SELECT rt.team_id AS "teamId", r.consent_share_with_next_of_kin AS consent,
                                  EXISTS (SELECT 1 FROM next_of_kin k WHERE k.id = ${nextOfKinId} AND k.recipient_id = r.id) AS "kinKnown"
                             FROM recipient r JOIN recipient_team rt ON rt.recipient_id = r.id
                            WHERE r.id = ${recipientId} AND rt.team_id = ANY(${`{${actor.teamIds.join(',')}}`}::uuid[])
                              AND ${validOn('rt', actor.today)}
                            LIMIT 1`),
    );
    if (nextOfKinId) {
      if (!facts.kinKnown)
        throw badInput([{ field: 'nextOfKinId', code: 'not_found', message: 'No such next of kin for this person' }]);
      if (!facts.consent)
        throw conflict(
          'no_consent',
          'The person has not consented to share information with next of kin; make the link for the person instead',
        );
    }
    // A new link replaces the old one for the same reader: a lost phone is dealt with by making a new link.
    await tx
      .update(visitingLinks)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(visitingLinks.recipientId, recipientId),
          isNull(visitingLinks.revokedAt),
          nextOfKinId ? eq(visitingLinks.nextOfKinId, nextOfKinId) : isNull(visitingLinks.nextOfKinId),
        ),
      );
    const token = randomBytes(24).toString('base64url');
    const expiresAt = new Date(Date.now() + days * 86_400_000);
    const [row] = await tx
      .insert(visitingLinks)
      .values({
        recipientId,
        teamId: facts.teamId,
        nextOfKinId,
        tokenHash: hash(token),
        createdBy: actor.userId,
        expiresAt,
      })
      .returning({ id: visitingLinks.id });
    return {
      result: { path: `/who/${token}`, expiresAt: expiresAt.toISOString() },
      details: { linkId: row.id, for: input.for, nextOfKinId, expiresAt: expiresAt.toISOString() },
    };
  });
}

/** The link's answer: times and first names only. Any reason a link does not work gets the same 404. */
export async function visitingView(db: Db, token: string, clock: Clock) {
  const today = osloDate(clock.now());
  const [link] = rowsOf<{ id: string; recipientId: string; nextOfKinId: string | null; expiresAt: string }>(
    await db.execute(sql`SELECT l.id, l.recipient_id AS "recipientId", l.next_of_kin_id AS "nextOfKinId", l.expires_at AS "expiresAt"
                           FROM visiting_link l JOIN recipient r ON r.id = l.recipient_id
                          WHERE l.token_hash = ${hash(token)} AND l.revoked_at IS NULL AND l.expires_at > now()
                            AND EXISTS (SELECT 1 FROM recipient_team rt WHERE rt.recipient_id = l.recipient_id AND rt.team_id = l.team_id
                                           AND ${validOn('rt', today)})
                            AND (l.next_of_kin_id IS NULL OR r.consent_share_with_next_of_kin)`),
  );
  if (!link) throw new AppError(404, 'link_unknown', 'This link is not valid (any more). Ask the team for a new one.');
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
    actorName: link.nextOfKinId ? 'Lenke «Hvem kommer?» (pårørende)' : 'Lenke «Hvem kommer?» (personen)',
    action: 'visiting.view',
    recipientId: link.recipientId,
    basis: 'care_relation',
    emergencyAccessId: null,
    details: { linkId: link.id, nextOfKinId: link.nextOfKinId },
  });
  return {
    expiresAt: new Date(link.expiresAt).toISOString(),
    visits: visits.map((v) => ({ ...v, helpers: v.helpers ?? [] })),
  };
}
