import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import type { Clock } from '../../time/clock.ts';
import { conflict, forbidden } from '../../http/errors.ts';
import { teams } from '../organisation/organisation.readmodel.ts';
import { PULSE_ITEMS } from '@tillit/contracts';
import { type BallotBox, BOX_LOCK, holdAnswer, writeDue, writeDueAfterAnswer } from './ballot.ts';
import { pulseHeld, pulseReceipts, pulseResponses } from './pulse.tables.ts';
import { closesOn, isClosed } from './quarters.ts';
import { MIN_GROUP } from '@tillit/contracts';

/** The pulse's ballot box: held answers are written to `pulse_response` in shuffled batches (ballot.ts). */
export const pulseBox: BallotBox<typeof pulseHeld.$inferSelect> = {
  lock: BOX_LOCK.pulse,
  list: (tx) =>
    tx
      .select({
        id: pulseHeld.id,
        cell: sql<string>`${pulseHeld.districtId} || '|' || ${pulseHeld.level} || '|' || coalesce(${pulseHeld.teamId}::text, '')`,
        quarter: pulseHeld.quarter,
      })
      .from(pulseHeld),
  take: (tx, ids) => tx.delete(pulseHeld).where(inArray(pulseHeld.id, ids)).returning(),
  write: async (tx, rows) => {
    await tx.insert(pulseResponses).values(rows.map(({ id: _id, ...answer }) => answer));
  },
};

/**
 * Takes an anonymous pulse answer for the actor's group; once per person and quarter. The
 * receipt (who answered) and the held answer are written in one transaction; the answer reaches
 * `pulse_response` later in a shuffled batch, so nothing ties it to the receipt.
 */
export async function answerPulse(db: Db, actor: Actor, answers: Record<string, number | null>, clock: Clock) {
  if (!actor.districtId || actor.role === 'admin')
    throw forbidden('no_group', 'The pulse is for team members and leaders');
  const level = actor.role === 'leader' ? 'leader' : 'team';
  const teamId = level === 'team' ? (actor.teamIds[0] ?? null) : null;
  if (level === 'team' && !teamId) throw forbidden('no_team', 'You are not in a team');
  const quarter = await holdAnswer(db, BOX_LOCK.pulse, clock, async (tx, quarter) => {
    const receipt = await tx
      .insert(pulseReceipts)
      .values({ userId: actor.userId, quarter })
      .onConflictDoNothing()
      .returning();
    if (receipt.length === 0) throw conflict('already_answered', 'You have already answered this quarter. Thank you!');
    await tx.insert(pulseHeld).values({ districtId: actor.districtId!, teamId, level, quarter, answers });
    return quarter;
  });
  await writeDueAfterAnswer(db, pulseBox, clock.now());
  return { ok: true as const, quarter };
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/**
 * The reform barometer for a district and a closed quarter: one row per team and one for the
 * leaders, the mean of each item. A group with fewer than MIN_GROUP answers shows nothing;
 * groups never overlap and no district total is given, so nothing can be found by subtraction.
 * A running quarter shows nothing but when it opens (before and after one answer would tell it).
 */
export async function barometer(db: Db, actor: Actor, quarter: string) {
  if (actor.role !== 'leader' && actor.role !== 'admin')
    throw forbidden('leaders_only', 'The barometer is for leaders');
  if (!actor.districtId) throw forbidden('no_district', 'No district');
  const head = {
    quarter,
    minimum: MIN_GROUP,
    items: PULSE_ITEMS.map(({ id, kind, nb, en }) => ({ id, kind, nb, en })),
  };
  await writeDue(db, pulseBox, actor.now);
  if (!isClosed(quarter, actor.now)) return { ...head, open: true as const, closesOn: closesOn(quarter), groups: [] };
  const [teamRows, responses] = await Promise.all([
    db
      .select({ id: teams.id, name: teams.name })
      .from(teams)
      .where(eq(teams.districtId, actor.districtId))
      .orderBy(teams.name),
    db
      .select()
      .from(pulseResponses)
      .where(and(eq(pulseResponses.districtId, actor.districtId), eq(pulseResponses.quarter, quarter))),
  ]);
  const group = (rows: typeof responses) =>
    rows.length < MIN_GROUP
      ? { suppressed: true as const }
      : {
          suppressed: false as const,
          responses: rows.length,
          means: Object.fromEntries(
            PULSE_ITEMS.map((i) => [
              i.id,
              mean(rows.map((r) => r.answers[i.id]).filter((v): v is number => typeof v === 'number')),
            ]),
          ),
        };
  return {
    ...head,
    open: false as const,
    groups: [
      ...teamRows.map((t) => ({
        name: t.name,
        level: 'team' as const,
        ...group(responses.filter((r) => r.teamId === t.id)),
      })),
      { name: null, level: 'leader' as const, ...group(responses.filter((r) => r.level === 'leader')) },
    ],
  };
}
