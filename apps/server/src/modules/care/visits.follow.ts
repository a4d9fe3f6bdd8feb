import { eq, sql } from 'drizzle-orm';
import { type DbOrTx, rowsOf } from '../../db/client.ts';
import { measures } from './care.tables.ts';
import { measureFallsOn } from './recurrence.ts';
import { generateVisitsFor, lockVisitMaking, PLANNING_HORIZON_DAYS } from './visits.generate.ts';

/** The Oslo date and minute a change is made at (the actor's clock). */
export interface ChangeMoment {
  today: string;
  nowMinute: number;
}

export interface Followed {
  /** Visits moved to the measure's new window, keeping their helpers. */
  moved: number;
  /** Visits the measure left (a visit left with no measure is cancelled). */
  left: number;
  cancelled: number;
  /** Visits made for the planning horizon (new measure, new days, or resumed). */
  created: number;
}

interface FutureVisit {
  id: string;
  date: string;
  windowStart: number;
  windowEnd: number;
  measureCount: number;
}

/**
 * A visit "has not started" while it is planned and its window has not yet begun: today's
 * visit whose window has passed is left as it is (it is probably being documented late).
 */
const unstarted = (at: ChangeMoment) =>
  sql`v.status = 'planned' AND (v.date > ${at.today}::date OR (v.date = ${at.today}::date AND v.window_start > ${at.nowMinute}))`;

/**
 * Makes the person's visits follow a measure as it now stands, in the caller's transaction
 * (so the plan and its visits never disagree, and no button is needed): future visits that
 * have not started move to a new window (keeping their helpers; a planned start outside the new
 * window is cleared), leave the days the measure no longer falls on or every day when it is
 * paused or ended (a visit left empty is cancelled), and any occurrence still missing within
 * the planning horizon is made. Every visit touched gets a new version, so a plan proposal made
 * before the change is not published onto it.
 */
export async function followMeasure(tx: DbOrTx, measureId: string, at: ChangeMoment): Promise<Followed> {
  const [m] = await tx.select().from(measures).where(eq(measures.id, measureId));
  await lockVisitMaking(tx, [m.recipientId]);
  const future = rowsOf<FutureVisit>(
    await tx.execute(sql`SELECT v.id, v.date::text AS date, v.window_start AS "windowStart", v.window_end AS "windowEnd",
                                (SELECT count(*)::int FROM visit_measure x WHERE x.visit_id = v.id) AS "measureCount"
                           FROM visit v JOIN visit_measure vm ON vm.visit_id = v.id AND vm.measure_id = ${measureId}
                          WHERE ${unstarted(at)} ORDER BY v.date FOR UPDATE OF v`),
  );
  const result: Followed = { moved: 0, left: 0, cancelled: 0, created: 0 };
  const pattern = { days: m.days.map(Number), everyWeeks: m.everyWeeks, validFrom: m.validFrom };
  for (const v of future) {
    const stays = m.status === 'active' && measureFallsOn(pattern, v.date);
    if (stays && v.windowStart === m.windowStart && v.windowEnd === m.windowEnd) continue;
    if (stays && v.measureCount === 1 && (await moveInPlace(tx, v, m))) {
      result.moved++;
      continue;
    }
    // Shared with other measures (or the new window is taken): the measure leaves this visit
    // and, if it still falls on the day, joins or makes the visit of its new window below.
    await tx.execute(sql`DELETE FROM visit_measure WHERE visit_id = ${v.id} AND measure_id = ${measureId}`);
    const empty = v.measureCount === 1;
    await tx.execute(sql`UPDATE visit SET version = version + 1 ${empty ? sql`, status = 'cancelled'` : sql``}
                          WHERE id = ${v.id}`);
    result.left++;
    if (empty) result.cancelled++;
  }
  if (m.status === 'active') {
    const made = await generateVisitsFor(tx, m.recipientId, at.today, PLANNING_HORIZON_DAYS, [measureId]);
    result.created = made.created;
  }
  return result;
}

/** Moves a visit that holds only this measure to its new window, unless the person already has one there. */
async function moveInPlace(tx: DbOrTx, v: FutureVisit, m: typeof measures.$inferSelect) {
  const [taken] = rowsOf<{ id: string }>(
    await tx.execute(sql`SELECT id FROM visit v WHERE v.recipient_id = ${m.recipientId} AND v.date = ${v.date}::date
                            AND v.status = 'planned' AND v.window_start = ${m.windowStart} AND v.window_end = ${m.windowEnd}`),
  );
  if (taken) return false;
  await tx.execute(sql`UPDATE visit SET window_start = ${m.windowStart}, window_end = ${m.windowEnd},
                              planned_start = CASE WHEN planned_start BETWEEN ${m.windowStart} AND ${m.windowEnd} THEN planned_start END,
                              version = version + 1
                        WHERE id = ${v.id}`);
  return true;
}
