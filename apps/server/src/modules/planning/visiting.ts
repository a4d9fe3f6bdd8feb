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
import { withRecordAccess } from '../access/index.ts';
import { auditWriterFor } from '../audit/index.ts';
import { comingVisits } from '../care/index.ts';
import { nextOfKinSharing, sharingStillHolds } from '../recipients/index.ts';
import { visitingLinks } from './planning.tables.ts';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export type VisitingLinkFor = { for: 'person' } | { for: 'next_of_kin'; nextOfKinId: string };

export function createVisitingLink(db: Db, actor: Actor, recipientId: string, input: VisitingLinkFor, days: number) {
  return withRecordAccess(db, actor, recipientId, 'visiting_link.create', 'serve', async (tx) => {
    const nextOfKinId = input.for === 'next_of_kin' ? input.nextOfKinId : null;
    // withRecordAccess('serve') has found one of the actor's teams serving the person today.
    const facts = (await nextOfKinSharing(tx, recipientId, actor.teamIds, nextOfKinId, actor.today))!;
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
  const [link] = rowsOf<{
    id: string;
    recipientId: string;
    teamId: string;
    nextOfKinId: string | null;
    expiresAt: string;
  }>(
    await db.execute(sql`SELECT l.id, l.recipient_id AS "recipientId", l.team_id AS "teamId", l.next_of_kin_id AS "nextOfKinId",
                                l.expires_at AS "expiresAt"
                           FROM visiting_link l
                          WHERE l.token_hash = ${hash(token)} AND l.revoked_at IS NULL AND l.expires_at > now()`),
  );
  const holds =
    link &&
    (await sharingStillHolds(
      db,
      { recipientId: link.recipientId, teamId: link.teamId, forNextOfKin: link.nextOfKinId !== null },
      today,
    ));
  if (!holds) throw new AppError(404, 'link_unknown', 'This link is not valid (any more). Ask the team for a new one.');
  const visits = await comingVisits(db, link.recipientId, today, 14);
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
    visits,
  };
}
