import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { forbidden } from '../../http/errors.ts';
import { validOn } from '../../time/sql.ts';
import { refusal, teamForActor } from '../access/index.ts';
import { assessmentsInForce, assessmentsMade } from '../assessment/index.ts';
import { leaderStatistics, type PersonFigures, type Unit } from './leaderstats.ts';

const uuids = (ids: string[]) => `{${ids.join(',')}}`;

/**
 * The people served on `to` by the given teams, one row each and without anything that names
 * them: the one team that serves them (the latest care relation, so a person is counted once and
 * teams add up to their district), the assessment in force, the hours decided per service and
 * the assessments made in the period.
 */
async function loadPeople(db: Db, teamIds: string[], from: string, to: string): Promise<PersonFigures[]> {
  if (teamIds.length === 0) return [];
  const rows = rowsOf<{ teamId: string; needItems: number | null; hours: unknown; newAssessments: number }>(
    await db.execute(sql`SELECT p.team_id AS "teamId", f.need_items AS "needItems", h.hours, COALESCE(m.made, 0)::int AS "newAssessments"
      FROM (SELECT DISTINCT ON (rt.recipient_id) rt.recipient_id, rt.team_id FROM recipient_team rt
             WHERE ${validOn('rt', to)} ORDER BY rt.recipient_id, rt.valid_from DESC, rt.team_id) p
      LEFT JOIN ${assessmentsInForce(to)} f ON f.recipient_id = p.recipient_id
      LEFT JOIN (SELECT x.recipient_id, json_object_agg(x.service_type, x.hours) AS hours
                   FROM (SELECT sd.recipient_id, sd.service_type, sum(sd.hours_per_week)::float AS hours FROM service_decision sd
                          WHERE sd.status = 'active' AND ${validOn('sd', to)} GROUP BY sd.recipient_id, sd.service_type) x
                  GROUP BY x.recipient_id) h ON h.recipient_id = p.recipient_id
      LEFT JOIN ${assessmentsMade(from, to)} m ON m.recipient_id = p.recipient_id
     WHERE p.team_id = ANY(${uuids(teamIds)}::uuid[])`),
  );
  return rows.map((r) => ({
    teamId: r.teamId,
    needItems: r.needItems === null ? null : Number(r.needItems),
    hours: (typeof r.hours === 'string' ? JSON.parse(r.hours) : (r.hours ?? {})) as PersonFigures['hours'],
    newAssessments: Number(r.newAssessments),
  }));
}

/** Teams, districts and municipalities as units; `districtId` null = every district (administrators). */
async function unitsFor(db: Db, districtId: string | null): Promise<Unit[]> {
  const where = districtId ? sql`WHERE d.id = ${districtId}` : sql``;
  const rows = rowsOf<{
    mId: string;
    mName: string;
    dId: string;
    dName: string;
    tId: string | null;
    tName: string | null;
  }>(
    await db.execute(sql`SELECT m.id AS "mId", m.name AS "mName", d.id AS "dId", d.name AS "dName", t.id AS "tId", t.name AS "tName"
      FROM district d JOIN municipality m ON m.id = d.municipality_id LEFT JOIN team t ON t.district_id = d.id
      ${where} ORDER BY m.name, d.name, t.name`),
  );
  const units = new Map<string, Unit>();
  for (const r of rows) {
    if (!districtId) units.set(r.mId, { level: 'municipality', id: r.mId, name: r.mName, parentId: null });
    units.set(r.dId, { level: 'district', id: r.dId, name: r.dName, parentId: districtId ? null : r.mId });
    if (r.tId) units.set(r.tId, { level: 'team', id: r.tId, name: r.tName!, parentId: r.dId });
  }
  return [...units.values()];
}

async function statistics(db: Db, districtId: string | null, from: string, to: string) {
  const units = await unitsFor(db, districtId);
  const teamIds = units.filter((u) => u.level === 'team').map((u) => u.id);
  return leaderStatistics(units, await loadPeople(db, teamIds, from, to));
}

/**
 * Leaders see their district (its teams and the district), administrators every district and
 * the municipality. Members are refused (they see their own team through `teamStatistics`); the
 * refusal is logged. Counts only, each under five suppressed, so no read of a record is logged.
 */
export async function districtStatistics(db: Db, actor: Actor, from: string, to: string) {
  if (actor.role === 'admin') return { period: { from, to }, groups: await statistics(db, null, from, to) };
  if (actor.role !== 'leader' || !actor.districtId)
    throw await refusal(db, actor, 'leaderstats.read', forbidden('leaders_only', 'The statistics are for leaders'));
  return { period: { from, to }, groups: await statistics(db, actor.districtId, from, to) };
}

/**
 * One team's figures (its members, its district's leaders, administrators). They are cut out of
 * the district's table after its suppression, so a team's page never shows a cell that the
 * district's table hides (which would undo the secondary suppression).
 */
export async function teamStatistics(db: Db, actor: Actor, teamId: string, from: string, to: string) {
  const team = await teamForActor(db, actor, teamId, 'leaderstats.team');
  const groups = await statistics(db, team.districtId, from, to);
  return { period: { from, to }, groups: groups.filter((g) => g.id === team.id) };
}
