/**
 * The planning page's data: the team's helpers with their shifts, every visit of the period
 * with who comes and when (from a proposal, or as currently planned), each person's helpers
 * this period, unassigned visits with the reason, locks, and figures before and after.
 * Lists people by name, so the view is written to the audit log like the team board.
 */
import { osloNow, type RunInfo } from '@tillit/contracts';
import type { Solution } from '@tillit/optimizer';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { auditWriterFor } from '../audit/index.ts';
import { datesInRange } from '../care/index.ts';
import { assertTeamPlanner } from './planning.access.ts';
import { type LoadedPlanning, loadPlanningData } from './planning.data.ts';
import { assignmentsFrom, type Assignment } from './planning.problem.ts';
import { figuresFor, runOf, type RunFigures } from './planning.runs.ts';
import { shiftsOn } from './rota.ts';

/** The reason, without the solver's English text (the page says it in the user's language). */
function outsideOf(solution: Solution | null | undefined, visitId: string) {
  const r = solution?.outsideSet?.[visitId];
  if (!r) return null;
  const { text: _text, ...reason } = r;
  return reason;
}

export async function planView(
  db: Db,
  actor: Actor,
  q: { teamId: string; from: string; days: number } | { runId: string },
) {
  const run = 'runId' in q ? await runOf(db, actor, q.runId) : null;
  const teamId = run ? run.teamId : (q as { teamId: string }).teamId;
  if (!run) await assertTeamPlanner(db, actor, teamId, 'planning.view');
  const from = run ? run.fromDate : (q as { from: string }).from;
  const days = run ? run.days : (q as { days: number }).days;
  const data = await loadPlanningData(db, teamId, from, days, osloNow(actor.now));
  const solution = run?.solution as Solution | null | undefined;
  const assignments: Map<string, Assignment> | undefined = solution ? assignmentsFrom(solution) : undefined;
  const staffIds = new Set(data.staff.map((s) => s.id));
  /** Each person's helper set from the proposal (helpers only: no breaks or holds), primary first. */
  const setOf = (recipientId: string) => (solution?.helperSets?.[recipientId] ?? []).filter((id) => staffIds.has(id));
  const dates = datesInRange(from, days);

  const titles = await measureTitles(db, data.visits);
  const visits = planVisits(data, assignments, titles, solution);
  const people = new Map<string, Set<string>>();
  for (const v of visits) {
    const set = people.get(v.recipientId) ?? new Set<string>();
    for (const h of v.helpers) set.add(h);
    people.set(v.recipientId, set);
  }
  const figures = run?.figures as RunFigures | null | undefined;
  await auditWriterFor(db).append({
    at: new Date(),
    actorUserId: actor.userId,
    actorName: actor.displayName,
    action: 'planning.view',
    recipientId: null,
    basis: 'team_level',
    emergencyAccessId: null,
    details: { teamId, runId: run?.id ?? null, recipients: [...people.keys()] },
  });
  return {
    teamId,
    from,
    days,
    dates,
    run: run && {
      id: run.id,
      kind: run.kind,
      status: run.status,
      progress: run.progress as RunInfo['progress'],
      errorCode: run.errorCode as RunInfo['errorCode'],
      timeLimitSeconds: run.timeLimitSeconds,
      createdAt: run.createdAt,
      finishedAt: run.finishedAt,
      publishedAt: run.publishedAt,
    },
    figures: figures ? { before: figures.before, after: figures.after } : { before: figuresFor(data), after: null },
    unassigned:
      figures?.unassigned ??
      visits
        .filter((v) => v.helpers.length === 0 && v.status === 'planned')
        .map((v) => ({ visitId: v.id, reason: null })),
    staff: data.staff.map((s) => ({
      id: s.id,
      name: s.name,
      /** Per date, the parts of the working time (empty when off or absent). */
      shifts: dates.map((d) => shiftsOn(s.rota, s.absences, d)),
      absent: dates.map((d) => s.absences.some((a) => a.fromDate <= d && d <= a.toDate)),
    })),
    visits,
    people: [...people.entries()]
      .map(([recipientId, set]) => ({
        recipientId,
        person: data.names.recipients.get(recipientId) ?? '',
        helpers: [...set],
        helperSet: setOf(recipientId),
      }))
      .sort((a, b) => b.helpers.length - a.helpers.length || a.person.localeCompare(b.person, 'nb')),
    // Read from plan_lock, so each has its id (the optimizer's type leaves it optional).
    locks: data.locks as (LoadedPlanning['locks'][number] & { id: string })[],
    base: data.base,
    // Only people with a visit in the period: the view is audited with exactly those.
    places: data.recipients.filter((r) => people.has(r.id)).map((r) => ({ recipientId: r.id, lat: r.lat, lon: r.lon })),
  };
}

/** The titles of the measures each visit delivers, in the order of their windows. */
async function measureTitles(db: Db, visits: { id: string }[]): Promise<Map<string, string[]>> {
  const titles = new Map<string, string[]>();
  if (visits.length > 0) {
    const res =
      await db.execute(sql`SELECT vm.visit_id AS "visitId", m.title FROM visit_measure vm JOIN measure m ON m.id = vm.measure_id
                                       WHERE vm.visit_id = ANY(${`{${visits.map((v) => v.id).join(',')}}`}::uuid[]) ORDER BY m.window_start, m.title`);
    for (const r of rowsOf<{ visitId: string; title: string }>(res))
      titles.set(r.visitId, [...(titles.get(r.visitId) ?? []), r.title]);
  }
  return titles;
}

/** Each visit as the page shows it: the proposal's helpers (or the current ones), what changed, its lock. */
function planVisits(
  data: LoadedPlanning,
  assignments: Map<string, Assignment> | undefined,
  titles: Map<string, string[]>,
  solution: Solution | null | undefined,
) {
  const lockOf = new Map(data.locks.filter((l) => l.visitId).map((l) => [l.visitId!, l.staffId]));
  return data.visits.map((v) => {
    const a = assignments?.get(v.id);
    const helpers = (a ? [a.staffId, a.secondStaffId] : [v.staffId, v.secondStaffId]).filter(
      (h): h is string => h !== null,
    );
    const currentHelpers = [v.staffId, v.secondStaffId].filter((h): h is string => h !== null);
    return {
      id: v.id,
      recipientId: v.recipientId,
      person: data.names.recipients.get(v.recipientId) ?? '',
      date: v.date,
      windowStart: v.windowStart,
      windowEnd: v.windowEnd,
      duration: v.duration,
      start: a ? a.plannedStart : v.plannedStart,
      helpers,
      changed:
        a !== undefined &&
        (helpers.length !== currentHelpers.length || helpers.some((h) => !currentHelpers.includes(h))),
      twoHelpers: v.twoHelpers,
      competences: v.competences,
      status: v.status,
      lockedTo: lockOf.get(v.id) ?? null,
      measures: titles.get(v.id) ?? [],
      /** Why the proposal gives this visit to a helper outside the person's set (null: inside it, or no set). */
      outsideSet: outsideOf(solution, v.id),
    };
  });
}
