import { randomUUID } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { pgArray } from '../../db/arrays.ts';
import { type DbOrTx, rowsOf } from '../../db/client.ts';
import { validDuring } from '../../time/sql.ts';
import { servesOn } from '../access/index.ts';
import { visitMeasures, visits } from './care.tables.ts';
import { datesInRange, measureFallsOn } from './recurrence.ts';

/** How far ahead visits are made from the care plans when a plan changes (the planner's fortnight). */
export const PLANNING_HORIZON_DAYS = 14;

interface PlanRow {
  id: string;
  recipientId: string;
  days: number[] | string;
  everyWeeks: number;
  validFrom: string;
  servedFrom: string;
  servedUntil: string | null;
  windowStart: number;
  windowEnd: number;
  usualStaffId: string | null;
}

interface Slot {
  recipientId: string;
  date: string;
  windowStart: number;
  windowEnd: number;
  staffId: string | null;
  measureIds: string[];
}

/**
 * Holds, until the transaction ends, the right to make visits for these people. Every path that
 * makes visits (the team's generation, a plan job, a measure added or changed) takes it first,
 * in one order, so two of them never both find a visit missing and both make it (PostgreSQL
 * runs them side by side). Taken per person, not per team: a person's plan change waits only
 * for generations that include that person.
 */
export async function lockVisitMaking(tx: DbOrTx, recipientIds: string[]) {
  const sorted = [...new Set(recipientIds)].sort();
  for (let i = 0; i < sorted.length; i += 500) {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended('visits:' || r, 0))
                           FROM unnest(${`{${sorted.slice(i, i + 500).join(',')}}`}::text[]) WITH ORDINALITY AS u(r, n) ORDER BY n`);
  }
}

/**
 * Creates the visits the team's plans ask for over the coming days: one per person, day and
 * agreed window, with the measures' usual helper where that helper serves the person that day
 * (until the planner assigns), on the days the team serves the person. Running it again adds
 * only what is missing; a measure whose person already has a planned visit in the same window
 * that day joins it. No access check or audit here: callers do that.
 */
export function generateVisits(tx: DbOrTx, teamId: string, from: string, days: number) {
  return makeVisits(tx, sql`rt.team_id = ${teamId}`, from, days);
}

/** The same for one person's measures (all of them, or those named): a plan change made now. */
export function generateVisitsFor(tx: DbOrTx, recipientId: string, from: string, days: number, measureIds?: string[]) {
  const only = measureIds ? sql` AND m.id = ANY(${`{${measureIds.join(',')}}`}::uuid[])` : sql``;
  return makeVisits(tx, sql`rt.recipient_id = ${recipientId}${only}`, from, days);
}

async function makeVisits(tx: DbOrTx, which: SQL, from: string, days: number) {
  const dates = datesInRange(from, days);
  const [first, last] = [dates[0], dates[dates.length - 1]];
  const planQuery = sql`
      SELECT m.id, m.recipient_id AS "recipientId", m.days, m.every_weeks AS "everyWeeks", m.valid_from::text AS "validFrom",
             rt.valid_from::text AS "servedFrom", rt.valid_until::text AS "servedUntil",
             m.window_start AS "windowStart", m.window_end AS "windowEnd", m.usual_staff_id AS "usualStaffId"
        FROM measure m JOIN recipient_team rt ON rt.recipient_id = m.recipient_id
       WHERE ${which} AND m.status = 'active' AND ${validDuring('rt', first, last)}
       ORDER BY m.recipient_id, m.id, rt.valid_from`;
  const people = rowsOf<{ recipientId: string }>(
    await tx.execute(sql`SELECT DISTINCT p."recipientId" FROM (${planQuery}) p`),
  ).map((r) => r.recipientId);
  if (people.length === 0) return { created: 0, recipients: [] as string[] };
  await lockVisitMaking(tx, people);
  // Read after the lock: a generation that held it before us has committed what it made.
  const plan = rowsOf<PlanRow>(await tx.execute(planQuery));
  const peopleSql = sql`${`{${people.join(',')}}`}::uuid[]`;
  const existing = new Set(
    rowsOf<{ k: string }>(
      await tx.execute(sql`SELECT vm.measure_id || '|' || v.date::text AS k FROM visit_measure vm JOIN visit v ON v.id = vm.visit_id
                            WHERE v.recipient_id = ANY(${peopleSql}) AND v.date BETWEEN ${first}::date AND ${last}::date`),
    ).map((r) => r.k),
  );
  const groups = new Map<string, Slot>();
  for (const m of plan) {
    const measureDays = pgArray(m.days, Number);
    for (const date of dates) {
      if (date < m.servedFrom || (m.servedUntil !== null && date > m.servedUntil)) continue;
      if (!measureFallsOn({ days: measureDays, everyWeeks: m.everyWeeks, validFrom: m.validFrom }, date)) continue;
      if (existing.has(`${m.id}|${date}`)) continue;
      const key = `${m.recipientId}|${date}|${m.windowStart}|${m.windowEnd}`;
      const g = groups.get(key) ?? { ...m, date, staffId: m.usualStaffId, measureIds: [] };
      // Two care-relation rows of the team may both cover the date: the measure is in the visit once.
      if (!g.measureIds.includes(m.id)) g.measureIds.push(m.id);
      g.staffId ??= m.usualStaffId;
      groups.set(key, g);
    }
  }
  const joined = await joinPlannedVisits(tx, peopleSql, first, last, groups);
  const created = await insertVisits(tx, [...groups.values()]);
  const recipients = [...new Set([...groups.values()].map((g) => g.recipientId).concat(joined))];
  return { created, recipients };
}

/**
 * A measure falling in the window of a visit the person already has planned that day joins that
 * visit (one visit per person, day and window: the unique index `visit_planned_slot_idx`), whose
 * version then moves on so a proposal made before it is not published onto it.
 */
async function joinPlannedVisits(tx: DbOrTx, people: SQL, first: string, last: string, groups: Map<string, Slot>) {
  if (groups.size === 0) return [];
  const planned = rowsOf<{ id: string; k: string; recipientId: string }>(
    await tx.execute(sql`SELECT v.id, v.recipient_id AS "recipientId",
                                v.recipient_id || '|' || v.date::text || '|' || v.window_start || '|' || v.window_end AS k
                           FROM visit v WHERE v.recipient_id = ANY(${people}) AND v.status = 'planned'
                            AND v.date BETWEEN ${first}::date AND ${last}::date`),
  );
  const joined: string[] = [];
  for (const v of planned) {
    const g = groups.get(v.k);
    if (!g) continue;
    groups.delete(v.k);
    await tx.insert(visitMeasures).values(g.measureIds.map((measureId) => ({ visitId: v.id, measureId })));
    await tx.execute(sql`UPDATE visit SET version = version + 1 WHERE id = ${v.id}`);
    joined.push(v.recipientId);
  }
  return joined;
}

async function insertVisits(tx: DbOrTx, slots: Slot[]) {
  // Ids made here so visits and their measures go in as two batched inserts.
  const rowsToInsert = slots.map((g) => ({ ...g, id: randomUUID() }));
  for (let i = 0; i < rowsToInsert.length; i += 500) {
    const batch = rowsToInsert.slice(i, i + 500);
    await tx.insert(visits).values(
      batch.map((g) => ({
        id: g.id,
        recipientId: g.recipientId,
        date: g.date,
        windowStart: g.windowStart,
        windowEnd: g.windowEnd,
        staffId: g.staffId,
      })),
    );
    await tx
      .insert(visitMeasures)
      .values(batch.flatMap((g) => g.measureIds.map((measureId) => ({ visitId: g.id, measureId }))));
  }
  // The usual helper gets a visit only on dates they serve the person (helpers.rule.ts): one who
  // has left the team, or a person who has moved to another team, leaves the visit unstaffed.
  const staffed = rowsToInsert.filter((g) => g.staffId).map((g) => g.id);
  for (let i = 0; i < staffed.length; i += 1000) {
    await tx.execute(sql`UPDATE visit v SET staff_id = NULL
                          WHERE v.id = ANY(${`{${staffed.slice(i, i + 1000).join(',')}}`}::uuid[])
                            AND NOT ${servesOn(sql`v.staff_id`, sql`v.recipient_id`, sql`v.date`)}`);
  }
  return rowsToInsert.length;
}
