/**
 * Reads what a team's planning problem is made of, in a handful of set-based queries: the
 * team's helpers with competences, rota and absences; the people it serves with their
 * primary contact and recent helpers; the period's visits with duration, competences and
 * two-helper need summed from their measures; and the team's locks.
 */
import { sql, type SQL } from 'drizzle-orm';
import { type DbOrTx, rowsOf } from '../../db/client.ts';
import { validDuring } from '../../time/sql.ts';
import { pgArray } from '../../db/arrays.ts';
import { datesInRange } from '../care/index.ts';
import type { PlanningData, PlanningStaff, PlanningVisit } from './planning.problem.ts';
import type { RotaPattern } from './rota.ts';

/** Rota entries as RotaPattern rows, from one SELECT shape for every reader of the rota. */
export const selectRota = (where: SQL) =>
  sql`SELECT id, staff_id AS "staffId", kind, weekdays, every_weeks AS "everyWeeks", week_offset AS "weekOffset", start_minute AS "startMinute",
             end_minute AS "endMinute", valid_from::text AS "validFrom", valid_until::text AS "validUntil"
        FROM rota_entry WHERE ${where}`;
export const rotaRows = (result: { rows: unknown[] }) =>
  rowsOf<RotaPattern & { id: string; weekdays: unknown }>(result).map((e) => ({
    ...e,
    weekdays: pgArray(e.weekdays, Number),
  }));

export interface PlanningVisitRow extends PlanningVisit {
  status: 'planned' | 'started' | 'done' | 'cancelled';
  version: number;
}

export interface LoadedPlanning extends PlanningData {
  visits: PlanningVisitRow[];
  names: { staff: Map<string, string>; recipients: Map<string, string> };
}

const HISTORY_DAYS = 28;

export async function loadPlanningData(
  db: DbOrTx,
  teamId: string,
  from: string,
  days: number,
  opts: { today: string; nowMinute: number; replanDates?: string[] },
): Promise<LoadedPlanning> {
  const to = datesInRange(from, days)[days - 1];
  const served = sql`(SELECT rt.recipient_id FROM recipient_team rt WHERE rt.team_id = ${teamId}
                       AND ${validDuring('rt', from, to)})`;
  const members = sql`(SELECT tm.staff_id FROM team_membership tm WHERE tm.team_id = ${teamId}
                        AND ${validDuring('tm', from, to)})`;
  const [teamRes, staffRes, compRes, rotaRes, absRes, recRes, histRes, visitRes, lockRes] = await Promise.all([
    db.execute(sql`SELECT area FROM team WHERE id = ${teamId}`),
    db.execute(
      sql`SELECT s.id, s.given_name || ' ' || s.family_name AS name FROM staff s WHERE s.id IN ${members} ORDER BY s.given_name, s.family_name`,
    ),
    db.execute(sql`SELECT staff_id AS "staffId", competence_code AS code, valid_from::text AS "validFrom", valid_until::text AS "validUntil"
                     FROM staff_competence WHERE staff_id IN ${members}`),
    db.execute(selectRota(sql`team_id = ${teamId} AND staff_id IN ${members}`)),
    db.execute(sql`SELECT staff_id AS "staffId", from_date::text AS "fromDate", to_date::text AS "toDate" FROM absence
                    WHERE staff_id IN ${members} AND to_date >= ${from}::date AND from_date <= ${to}::date`),
    db.execute(sql`SELECT r.id, r.lat, r.lon, r.primary_contact_staff_id AS "primaryContact", r.given_name || ' ' || r.family_name AS name
                     FROM recipient r WHERE r.id IN ${served}`),
    db.execute(sql`SELECT v.recipient_id AS "recipientId", h.staff_id AS "staffId", count(*)::int AS n
                     FROM visit v CROSS JOIN LATERAL (VALUES (v.staff_id), (v.second_staff_id)) AS h(staff_id)
                    WHERE v.status IN ('done', 'started') AND v.date >= ${from}::date - ${HISTORY_DAYS}::int AND v.date < ${from}::date
                      AND h.staff_id IS NOT NULL AND v.recipient_id IN ${served}
                    GROUP BY v.recipient_id, h.staff_id`),
    db.execute(sql`SELECT v.id, v.recipient_id AS "recipientId", v.date::text AS date, v.window_start AS "windowStart", v.window_end AS "windowEnd",
                          v.staff_id AS "staffId", v.second_staff_id AS "secondStaffId", v.planned_start AS "plannedStart", v.status, v.version, v.check_in_minute AS "checkInMinute",
                          COALESCE(sum(m.duration_minutes), 30)::int AS duration,
                          array_remove(array_agg(DISTINCT m.required_competence), NULL) AS competences,
                          COALESCE(bool_or(m.two_helpers), false) AS "twoHelpers"
                     FROM visit v LEFT JOIN visit_measure vm ON vm.visit_id = v.id LEFT JOIN measure m ON m.id = vm.measure_id
                    WHERE v.date BETWEEN ${from}::date AND ${to}::date AND v.status <> 'cancelled' AND v.recipient_id IN ${served}
                    GROUP BY v.id ORDER BY v.date, v.window_start, v.id`),
    db.execute(
      sql`SELECT id, visit_id AS "visitId", staff_id AS "staffId", date::text AS date FROM plan_lock WHERE team_id = ${teamId}`,
    ),
  ]);

  const staffRows = rowsOf<{ id: string; name: string }>(staffRes);
  const byStaff = <T extends { staffId: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.staffId, [...(m.get(r.staffId) ?? []), r]);
    return m;
  };
  const comps = byStaff(
    rowsOf<{ staffId: string; code: string; validFrom: string; validUntil: string | null }>(compRes),
  );
  const rota = byStaff(rotaRows(rotaRes));
  const abs = byStaff(rowsOf<{ staffId: string; fromDate: string; toDate: string }>(absRes));
  const staff: PlanningStaff[] = staffRows.map((s) => ({
    id: s.id,
    name: s.name,
    competences: (comps.get(s.id) ?? []).map(({ code, validFrom, validUntil }) => ({ code, validFrom, validUntil })),
    rota: rota.get(s.id) ?? [],
    absences: (abs.get(s.id) ?? []).map(({ fromDate, toDate }) => ({ fromDate, toDate })),
  }));

  const history = new Map<string, Record<string, number>>();
  for (const h of rowsOf<{ recipientId: string; staffId: string; n: number }>(histRes)) {
    const rec = history.get(h.recipientId) ?? {};
    rec[h.staffId] = h.n;
    history.set(h.recipientId, rec);
  }
  const recRows = rowsOf<{ id: string; lat: number; lon: number; primaryContact: string | null; name: string }>(recRes);
  const recipients = recRows.map((r) => ({
    id: r.id,
    lat: Number(r.lat),
    lon: Number(r.lon),
    primaryContact: r.primaryContact,
    history: history.get(r.id) ?? {},
  }));

  const visits = rowsOf<PlanningVisitRow & { competences: unknown }>(visitRes).map((v) => ({
    ...v,
    competences: pgArray(v.competences),
    twoHelpers: Boolean(v.twoHelpers),
  }));
  const visitIds = new Set(visits.map((v) => v.id));
  const locks = rowsOf<{ id: string; visitId: string | null; staffId: string; date: string | null }>(lockRes).filter(
    (l) => (l.visitId ? visitIds.has(l.visitId) : l.date! >= from && l.date! <= to),
  );

  return {
    name: `team-${teamId.slice(0, 8)}-${from}-${days}d`,
    from,
    days,
    today: opts.today,
    nowMinute: opts.nowMinute,
    base: baseOf(rowsOf<{ area: { coordinates: [number, number][][] } | null }>(teamRes)[0]?.area ?? null, recipients),
    staff,
    recipients,
    visits,
    locks,
    replanDates: opts.replanDates,
    names: {
      staff: new Map(staffRows.map((s) => [s.id, s.name])),
      recipients: new Map(recRows.map((r) => [r.id, r.name])),
    },
  };
}

/** The team's base: the middle of its area (GeoJSON [lon, lat]), or of the people it serves. */
function baseOf(area: { coordinates: [number, number][][] } | null, people: { lat: number; lon: number }[]) {
  const ring = area?.coordinates?.[0];
  if (ring && ring.length > 0) {
    const pts =
      ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1]
        ? ring.slice(1)
        : ring;
    return { lat: pts.reduce((s, p) => s + p[1], 0) / pts.length, lon: pts.reduce((s, p) => s + p[0], 0) / pts.length };
  }
  if (people.length === 0) return { lat: 59.9139, lon: 10.7522 };
  return {
    lat: people.reduce((s, p) => s + p.lat, 0) / people.length,
    lon: people.reduce((s, p) => s + p.lon, 0) / people.length,
  };
}
