import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { pgArray } from '../../db/arrays.ts';
import { type DbOrTx, rowsOf } from '../../db/client.ts';
import { validDuring } from '../../time/sql.ts';
import { servesOn } from '../access/index.ts';
import { visitMeasures, visits } from './care.tables.ts';
import { datesInRange, measureFallsOn } from './recurrence.ts';

/**
 * Creates the visits the team's plans ask for over the coming days: one per person, day and
 * agreed window, with the measures' usual helper where that helper serves the person that day
 * (until the planner assigns), on the days the team serves the person. Running it again adds
 * only what is missing. No access check or audit here: callers do that.
 */
export async function generateVisits(tx: DbOrTx, teamId: string, from: string, days: number) {
  const dates = datesInRange(from, days);
  const plan = rowsOf<{
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
  }>(
    await tx.execute(sql`
      SELECT m.id, m.recipient_id AS "recipientId", m.days, m.every_weeks AS "everyWeeks", m.valid_from::text AS "validFrom",
             rt.valid_from::text AS "servedFrom", rt.valid_until::text AS "servedUntil",
             m.window_start AS "windowStart", m.window_end AS "windowEnd", m.usual_staff_id AS "usualStaffId"
        FROM measure m JOIN recipient_team rt ON rt.recipient_id = m.recipient_id
       WHERE rt.team_id = ${teamId} AND m.status = 'active' AND ${validDuring('rt', dates[0], dates[dates.length - 1])}`),
  );
  const existing = new Set(
    rowsOf<{ k: string }>(
      await tx.execute(sql`SELECT vm.measure_id || '|' || v.date::text AS k FROM visit_measure vm JOIN visit v ON v.id = vm.visit_id
                            WHERE v.date BETWEEN ${dates[0]}::date AND ${dates[dates.length - 1]}::date`),
    ).map((r) => r.k),
  );
  const groups = new Map<
    string,
    {
      recipientId: string;
      date: string;
      windowStart: number;
      windowEnd: number;
      staffId: string | null;
      measureIds: string[];
    }
  >();
  for (const m of plan) {
    const measureDays = pgArray(m.days, Number);
    for (const date of dates) {
      if (date < m.servedFrom || (m.servedUntil !== null && date > m.servedUntil)) continue;
      if (!measureFallsOn({ days: measureDays, everyWeeks: m.everyWeeks, validFrom: m.validFrom }, date)) continue;
      if (existing.has(`${m.id}|${date}`)) continue;
      const key = `${m.recipientId}|${date}|${m.windowStart}|${m.windowEnd}`;
      const g = groups.get(key) ?? {
        recipientId: m.recipientId,
        date,
        windowStart: m.windowStart,
        windowEnd: m.windowEnd,
        staffId: m.usualStaffId,
        measureIds: [],
      };
      // Two care-relation rows of the team may both cover the date: the measure is in the visit once.
      if (!g.measureIds.includes(m.id)) g.measureIds.push(m.id);
      g.staffId ??= m.usualStaffId;
      groups.set(key, g);
    }
  }
  // Ids made here so visits and their measures go in as two batched inserts.
  const rowsToInsert = [...groups.values()].map((g) => ({ ...g, id: randomUUID() }));
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
  const created = rowsToInsert.length;
  return { created, recipients: [...new Set([...groups.values()].map((g) => g.recipientId))] };
}
