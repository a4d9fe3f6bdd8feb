import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { forbidden } from '../../http/errors.ts';
import { validDuring, validOn } from '../../time/sql.ts';
import {
  continuity,
  decisionsDelivered,
  weeksOver,
  equalTreatment,
  type EqualTreatmentRow,
  flagToPlanHours,
  notCheckedIn,
  planFidelity,
  punctuality,
  unstaffedOrCancelled,
  type DecisionRow,
  type FlagRow,
  type HelperVisits,
  type OutcomeRow,
  type VisitCounts,
} from './indicators.ts';
import { refusal, teamForActor } from '../access/index.ts';
import { assessmentsInForce } from '../assessment/index.ts';
import { decisionToFirstVisit, requestToDecision } from './requests.indicators.ts';
import { loadRequestWaits } from './requests.repository.ts';

const uuids = (ids: string[]) => `{${ids.join(',')}}`;

/** (team, person) pairs: the people each team served at some time in the period, once each. */
const served = (teamIds: string[], from: string, to: string) =>
  sql`(SELECT DISTINCT rt.team_id, rt.recipient_id FROM recipient_team rt WHERE rt.team_id = ANY(${uuids(teamIds)}::uuid[])
        AND ${validDuring('rt', from, to)})`;

/** The period's visits: `visit v` joined to `s` (team_id, recipient_id), then the condition. */
const periodVisits = (teamIds: string[], from: string, to: string) =>
  sql`visit v JOIN ${served(teamIds, from, to)} s ON s.recipient_id = v.recipient_id`;
/** Visits of the period up to today (an Oslo date): days to come are not counted yet. */
const inPeriod = (from: string, to: string, today: string) =>
  sql`v.date BETWEEN ${from}::date AND ${to < today ? to : today}::date`;
/** Stored with the visit (a generated column), so no time-zone conversion per visit here. */
const checkInMinute = sql`v.check_in_minute`;

const byTeam = <R extends { teamId: string }>(rows: R[]) => {
  const m = new Map<string, Omit<R, 'teamId'>[]>();
  for (const { teamId, ...rest } of rows) m.set(teamId, [...(m.get(teamId) ?? []), rest]);
  return m;
};

/**
 * `countVisits` and `countHelperVisits` in SQL, in one pass over the period's visits: rows
 * grouped by team, person and the visit's helper pair (a few per person), each with its
 * counts; the team's totals and the done visits per helper are summed from these rows.
 */
export async function loadVisitFigures(db: Db, teamIds: string[], from: string, to: string, today: string) {
  const rows = rowsOf<
    VisitCounts & {
      teamId: string;
      recipientId: string;
      staffId: string | null;
      secondStaffId: string | null;
    }
  >(
    await db.execute(sql`SELECT s.team_id AS "teamId", v.recipient_id AS "recipientId", v.staff_id AS "staffId", v.second_staff_id AS "secondStaffId",
        count(*)::int AS total,
        count(*) FILTER (WHERE v.status = 'cancelled' OR (v.staff_id IS NULL AND v.second_staff_id IS NULL))::int AS "cancelledOrUnstaffed",
        count(*) FILTER (WHERE v.checked_in_at IS NOT NULL AND v.status <> 'cancelled')::int AS started,
        count(*) FILTER (WHERE v.checked_in_at IS NOT NULL AND v.status <> 'cancelled'
                           AND ${checkInMinute} BETWEEN v.window_start AND v.window_end)::int AS inside,
        count(*) FILTER (WHERE v.status = 'done')::int AS done,
        count(*) FILTER (WHERE v.status = 'done' AND v.checked_in_at IS NULL)::int AS "notCheckedIn"
      FROM ${periodVisits(teamIds, from, to)} WHERE ${inPeriod(from, to, today)}
      GROUP BY s.team_id, v.recipient_id, v.staff_id, v.second_staff_id`),
  );
  const figures = new Map(
    teamIds.map((id) => [
      id,
      {
        counts: { total: 0, cancelledOrUnstaffed: 0, started: 0, inside: 0, done: 0, notCheckedIn: 0 } as VisitCounts,
        helpers: new Map<string, HelperVisits>(),
      },
    ]),
  );
  for (const r of rows) {
    const f = figures.get(r.teamId)!;
    f.counts.total += r.total;
    f.counts.cancelledOrUnstaffed += r.cancelledOrUnstaffed;
    f.counts.started += r.started;
    f.counts.inside += r.inside;
    f.counts.done += r.done;
    f.counts.notCheckedIn += r.notCheckedIn;
    if (r.done === 0) continue;
    for (const staffId of [r.staffId, r.secondStaffId]) {
      if (!staffId) continue;
      const key = `${r.recipientId} ${staffId}`;
      const h = f.helpers.get(key) ?? { recipientId: r.recipientId, staffId, visits: 0 };
      h.visits += r.done;
      f.helpers.set(key, h);
    }
  }
  return new Map([...figures].map(([id, f]) => [id, { counts: f.counts, helperVisits: [...f.helpers.values()] }]));
}

/** Measure outcomes per team, person and outcome, with the minutes of help delivered (done visits, measures done or changed). */
async function loadOutcomes(db: Db, teamIds: string[], from: string, to: string, lastDayOver: string | null) {
  return byTeam(
    rowsOf<{
      teamId: string;
      recipientId: string;
      outcome: OutcomeRow['outcome'];
      count: number;
      minutes: number | null;
    }>(
      await db.execute(sql`SELECT s.team_id AS "teamId", v.recipient_id AS "recipientId", vm.outcome, count(*)::int AS count,
        sum(m.duration_minutes) FILTER (WHERE v.status = 'done' AND vm.outcome IN ('done', 'changed')
                                          AND v.date <= ${lastDayOver}::date)::float AS minutes
      FROM ${periodVisits(teamIds, from, to)} JOIN visit_measure vm ON vm.visit_id = v.id JOIN measure m ON m.id = vm.measure_id
      WHERE v.date BETWEEN ${from}::date AND ${to}::date
      GROUP BY s.team_id, v.recipient_id, vm.outcome`),
    ),
  );
}

/**
 * Every indicator for each of the given teams and one period, without an access check:
 * callers check first (`teamIndicators`, the dashboards). Each figure is counted for all the
 * teams in one pass, so the leader's comparison of a district costs about what one team does.
 * Team-level only: no figure is returned per employee.
 */
export async function indicatorsForTeams(
  db: Db,
  teamList: { id: string; name: string }[],
  from: string,
  to: string,
  today: string,
) {
  const ids = teamList.map((t) => t.id);
  const over = weeksOver(from, to, today);
  // Waits are counted up to the period's end or today, whichever is first (days to come are not known).
  const end = to < today ? to : today;
  const [visitFigures, outcomeRows, flagRes, decisionRes, pcRes, waits] = await Promise.all([
    loadVisitFigures(db, ids, from, to, today),
    loadOutcomes(db, ids, from, to, over.lastDay),
    db.execute(sql`SELECT s.team_id AS "teamId", c.recipient_id AS "recipientId", c.created_at AS "createdAt",
                          LEAST((SELECT min(mv.changed_at) FROM measure_version mv JOIN measure m ON m.id = mv.measure_id
                                  WHERE m.recipient_id = c.recipient_id AND mv.changed_at > c.created_at),
                                (SELECT min(d.decided_at) FROM shared_decision d WHERE d.recipient_id = c.recipient_id AND d.decided_at > c.created_at)) AS "planUpdatedAt"
                     FROM condition_change c JOIN ${served(ids, from, to)} s ON s.recipient_id = c.recipient_id
                    WHERE c.created_at::date BETWEEN ${from}::date AND ${to}::date`),
    db.execute(sql`SELECT s.team_id AS "teamId", sd.recipient_id AS "recipientId", sum(sd.hours_per_week)::float AS "hoursPerWeek"
                     FROM service_decision sd JOIN ${served(ids, from, to)} s ON s.recipient_id = sd.recipient_id
                    WHERE sd.status = 'active' AND ${validDuring('sd', from, to)}
                    GROUP BY s.team_id, sd.recipient_id`),
    db.execute(sql`SELECT s.team_id AS "teamId", r.id AS "recipientId", r.primary_contact_staff_id::text AS pc
                     FROM recipient r JOIN ${served(ids, from, to)} s ON s.recipient_id = r.id`),
    loadRequestWaits(db, ids, end),
  ]);
  const flags = byTeam(
    rowsOf<{ teamId: string; recipientId: string; createdAt: string; planUpdatedAt: string | null }>(flagRes),
  );
  const decisions = byTeam(rowsOf<DecisionRow & { teamId: string }>(decisionRes));
  const pcs = byTeam(rowsOf<{ teamId: string; recipientId: string; pc: string | null }>(pcRes));
  return teamList.map((team) => {
    const outcomes = outcomeRows.get(team.id) ?? [];
    const delivered = new Map<string, number>();
    for (const o of outcomes)
      if (o.minutes) delivered.set(o.recipientId, (delivered.get(o.recipientId) ?? 0) + o.minutes);
    const teamFlags: FlagRow[] = (flags.get(team.id) ?? []).map((f) => ({
      recipientId: f.recipientId,
      createdAt: new Date(f.createdAt),
      planUpdatedAt: f.planUpdatedAt ? new Date(f.planUpdatedAt) : null,
    }));
    const { counts: teamCounts, helperVisits } = visitFigures.get(team.id)!;
    return {
      team: { id: team.id, name: team.name },
      period: { from, to },
      ability: {
        punctuality: punctuality(teamCounts),
        notCheckedIn: notCheckedIn(teamCounts),
        unstaffedOrCancelled: unstaffedOrCancelled(teamCounts),
        flagToPlanHours: flagToPlanHours(teamFlags),
        requestToDecision: requestToDecision(waits.get(team.id)!, from, end),
        decisionToFirstVisit: decisionToFirstVisit(waits.get(team.id)!, from, end),
      },
      integrity: {
        planFidelity: planFidelity(outcomes.map(({ outcome, count }) => ({ outcome, count }))),
        decisionsDelivered: decisionsDelivered(decisions.get(team.id) ?? [], delivered, over.weeks),
        continuity: continuity(helperVisits, new Map((pcs.get(team.id) ?? []).map((p) => [p.recipientId, p.pc]))),
      },
    };
  });
}

/** One team's indicators for a period, without an access check. */
export const indicatorsFor = async (
  db: Db,
  team: { id: string; name: string },
  from: string,
  to: string,
  today: string,
) => (await indicatorsForTeams(db, [team], from, to, today))[0];

export type TeamIndicators = Awaited<ReturnType<typeof indicatorsFor>>;

/**
 * One team's indicators for a period. Open to the team's members, its district's leaders and
 * administrators (a refusal is logged); aggregates only, so it is not logged as a read of
 * anyone's record.
 */
export async function teamIndicators(db: Db, actor: Actor, teamId: string, from: string, to: string) {
  const team = await teamForActor(db, actor, teamId, 'team.indicators');
  return indicatorsFor(db, team, from, to, actor.today);
}

// ── Integrity: equal treatment (decided hours against the functional assessment) ─────────────

/**
 * The people each team serves on `on` who have a decision in force: items scored 3–5 in the
 * assessment in force and the hours decided per week (all services). No access check: callers
 * check first (`equalTreatmentFor`).
 */
export async function equalTreatmentRows(db: Db, teamIds: string[], on: string): Promise<EqualTreatmentRow[]> {
  if (teamIds.length === 0) return [];
  const rows = rowsOf<{ teamId: string; needItems: number | null; hoursPerWeek: number }>(
    await db.execute(sql`SELECT rt.team_id AS "teamId", f.need_items AS "needItems", sum(sd.hours_per_week)::float AS "hoursPerWeek"
      FROM recipient_team rt
      JOIN service_decision sd ON sd.recipient_id = rt.recipient_id AND sd.status = 'active' AND ${validOn('sd', on)}
      LEFT JOIN ${assessmentsInForce(on)} f ON f.recipient_id = rt.recipient_id
     WHERE rt.team_id = ANY(${uuids(teamIds)}::uuid[]) AND ${validOn('rt', on)}
     GROUP BY rt.team_id, rt.recipient_id, f.need_items`),
  );
  return rows.map((r) => ({
    teamId: r.teamId,
    needItems: r.needItems === null ? null : Number(r.needItems),
    hoursPerWeek: Number(r.hoursPerWeek),
  }));
}

/**
 * Equal treatment, team beside team: one team (`teamId`, for its members, its district's leaders
 * and administrators) or every team of the leader's district. Refusals are logged.
 */
export async function equalTreatmentFor(db: Db, actor: Actor, on: string, teamId?: string) {
  let teamList: { id: string; name: string }[];
  if (teamId) {
    const team = await teamForActor(db, actor, teamId, 'trust.equal_treatment');
    teamList = [{ id: team.id, name: team.name }];
  } else {
    if ((actor.role !== 'leader' && actor.role !== 'admin') || !actor.districtId)
      throw await refusal(
        db,
        actor,
        'trust.equal_treatment',
        forbidden('leaders_only', 'Team beside team is for the district’s leaders'),
      );
    teamList = rowsOf<{ id: string; name: string }>(
      await db.execute(sql`SELECT t.id, t.name FROM team t WHERE t.district_id = ${actor.districtId} ORDER BY t.name`),
    );
  }
  const rows = await equalTreatmentRows(
    db,
    teamList.map((t) => t.id),
    on,
  );
  return { on, teams: equalTreatment(teamList, rows) };
}
