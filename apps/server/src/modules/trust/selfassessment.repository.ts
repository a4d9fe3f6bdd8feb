import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { forbidden } from '../../http/errors.ts';
import { leaderSelfAssessments } from './dialogue.tables.ts';
import { MISCONCEPTIONS } from '@tillit/contracts';
import { refusal } from '../access/index.ts';

export interface SelfAnswer {
  rating: number | null;
  note: string | null;
  updatedAt: string | null;
}

/** Only leaders assess themselves; anyone else is refused and the refusal logged. */
async function leaderOnly(db: Db, actor: Actor) {
  if (actor.role !== 'leader')
    throw await refusal(db, actor, 'selfAssessment', forbidden('leaders_only', 'The self-assessment is for leaders'));
}

/**
 * The acting leader's own self-assessment. It is private: every query is bound to the
 * actor's user id, and no endpoint reads another leader's rows or sums them up.
 */
export async function mySelfAssessment(db: Db, actor: Actor) {
  await leaderOnly(db, actor);
  const rows = await db.select().from(leaderSelfAssessments).where(eq(leaderSelfAssessments.userId, actor.userId));
  const answers: Record<string, SelfAnswer> = Object.fromEntries(
    MISCONCEPTIONS.map((m) => {
      const r = rows.find((x) => x.misconception === m.id);
      return [
        m.id,
        { rating: r?.rating ?? null, note: r?.note ?? null, updatedAt: r ? r.updatedAt.toISOString() : null },
      ];
    }),
  );
  return { items: MISCONCEPTIONS, answers };
}

/** Saves the given misconceptions' rating and note (others are left as they were). */
export async function saveSelfAssessment(
  db: Db,
  actor: Actor,
  answers: Record<string, { rating: number | null; note?: string }>,
) {
  await leaderOnly(db, actor);
  const values = Object.entries(answers).map(([misconception, a]) => ({
    userId: actor.userId,
    misconception,
    rating: a.rating,
    note: a.note?.trim() || null,
    updatedAt: new Date(),
  }));
  if (values.length > 0) {
    await db
      .insert(leaderSelfAssessments)
      .values(values)
      .onConflictDoUpdate({
        target: [leaderSelfAssessments.userId, leaderSelfAssessments.misconception],
        set: { rating: sql`excluded.rating`, note: sql`excluded.note`, updatedAt: sql`excluded.updated_at` },
      });
  }
  return mySelfAssessment(db, actor);
}
