import { quarterOf } from '@tillit/contracts';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { conflict, forbidden } from '../../http/errors.ts';
import { teams } from '../organisation/organisation.tables.ts';
import { PULSE_ITEMS } from './pulse.items.ts';
import { pulseReceipts, pulseResponses } from './pulse.tables.ts';
import { MIN_GROUP } from './surveys.items.ts';

/** Stores an anonymous pulse answer for the actor's group; once per person and quarter. */
export async function answerPulse(db: Db, actor: Actor, answers: Record<string, number | null>) {
  if (!actor.districtId || actor.role === 'admin')
    throw forbidden('no_group', 'The pulse is for team members and leaders');
  const level = actor.role === 'leader' ? 'leader' : 'team';
  const teamId = level === 'team' ? (actor.teamIds[0] ?? null) : null;
  if (level === 'team' && !teamId) throw forbidden('no_team', 'You are not in a team');
  const quarter = quarterOf(actor.today);
  return db.transaction(async (tx) => {
    const receipt = await tx
      .insert(pulseReceipts)
      .values({ userId: actor.userId, quarter })
      .onConflictDoNothing()
      .returning();
    if (receipt.length === 0) throw conflict('already_answered', 'You have already answered this quarter. Thank you!');
    await tx.insert(pulseResponses).values({ districtId: actor.districtId!, teamId, level, quarter, answers });
    return { ok: true, quarter };
  });
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/**
 * The reform barometer for a district and quarter: one row per team and one for the leaders,
 * the mean of each item. A group with fewer than MIN_GROUP answers shows nothing; groups
 * never overlap and no district total is given, so nothing can be found by subtraction.
 */
export async function barometer(db: Db, actor: Actor, quarter: string) {
  if (actor.role !== 'leader' && actor.role !== 'admin')
    throw forbidden('leaders_only', 'The barometer is for leaders');
  if (!actor.districtId) throw forbidden('no_district', 'No district');
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
    quarter,
    minimum: MIN_GROUP,
    items: PULSE_ITEMS.map(({ id, kind, nb, en }) => ({ id, kind, nb, en })),
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
