/**
 * Visits as the plan sees them from outside this module: planning writes a published plan's
 * helpers and times onto the visits here (the visit table is written only by care), and
 * «Hvem kommer?» asks here for the coming visits with the helpers' first names.
 */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rowsOf } from '../../db/client.ts';
import { validOn } from '../../time/sql.ts';

export interface PlannedHelpers {
  visitId: string;
  staffId: string | null;
  secondStaffId: string | null;
  plannedStart: number | null;
}

/**
 * Gives each visit its planned helpers and start, marks it published and bumps its version,
 * 500 visits per statement. The caller has decided that the helpers serve the person that day.
 */
export async function assignPlannedHelpers(tx: DbOrTx, updates: PlannedHelpers[]): Promise<void> {
  for (let i = 0; i < updates.length; i += 500) {
    const rows = updates
      .slice(i, i + 500)
      .map((u) => sql`(${u.visitId}::uuid, ${u.staffId}::uuid, ${u.secondStaffId}::uuid, ${u.plannedStart}::smallint)`);
    await tx.execute(sql`UPDATE visit v SET staff_id = u.staff_id, second_staff_id = u.second_staff_id, planned_start = u.planned_start,
                                 published = true, version = v.version + 1
                             FROM (VALUES ${sql.join(rows, sql`, `)}) AS u(id, staff_id, second_staff_id, planned_start) WHERE v.id = u.id`);
  }
}

export interface ComingVisit {
  date: string;
  windowStart: number;
  windowEnd: number;
  plannedStart: number | null;
  helpers: string[];
}

/** The person's planned or started visits in the `days` days from `today`: times and helpers' first names only. */
export async function comingVisits(
  db: DbOrTx,
  recipientId: string,
  today: string,
  days: number,
): Promise<ComingVisit[]> {
  const visits = rowsOf<Omit<ComingVisit, 'helpers'> & { helpers: string[] | null }>(
    await db.execute(sql`SELECT v.date::text AS date, v.window_start AS "windowStart", v.window_end AS "windowEnd", v.planned_start AS "plannedStart",
                                (SELECT json_agg(s.given_name ORDER BY s.given_name) FROM staff s WHERE s.id IN (v.staff_id, v.second_staff_id)) AS helpers
                           FROM visit v
                          WHERE v.recipient_id = ${recipientId} AND v.date BETWEEN ${today}::date AND ${today}::date + ${days - 1}::int
                            AND v.status IN ('planned', 'started')
                          ORDER BY v.date, COALESCE(v.planned_start, v.window_start)`),
  );
  return visits.map((v) => ({ ...v, helpers: v.helpers ?? [] }));
}

/**
 * When a team's service ends: cancels the person's planned visits after `lastDay` on days that
 * no other serving team covers, and frees their measures (the visit table is written only by
 * care). Returns how many were cancelled.
 */
export async function cancelVisitsAfterService(tx: DbOrTx, recipientId: string, lastDay: string): Promise<number> {
  const cancelled = rowsOf<{ id: string }>(
    await tx.execute(sql`UPDATE visit v SET status = 'cancelled', version = v.version + 1
                          WHERE v.recipient_id = ${recipientId} AND v.status = 'planned' AND v.date > ${lastDay}::date
                            AND NOT EXISTS (SELECT 1 FROM recipient_team rt WHERE rt.recipient_id = v.recipient_id
                                               AND ${validOn('rt', sql`v.date`)})
                          RETURNING v.id`),
  ).map((r) => r.id);
  if (cancelled.length)
    await tx.execute(sql`DELETE FROM visit_measure WHERE visit_id = ANY(${`{${cancelled.join(',')}}`}::uuid[])`);
  return cancelled.length;
}
