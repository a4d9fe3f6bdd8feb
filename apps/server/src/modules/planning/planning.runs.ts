/**
 * «Lag forslag»: a plan run is queued by the team, executed by the job queue's worker (the
 * optimizer runs in worker threads, so the server stays responsive), and kept as a proposal
 * until the team publishes it.
 */
import { osloNow } from '@tillit/contracts';
import { solveParallel, type Solution } from '@tillit/optimizer';
import { and, eq, sql } from 'drizzle-orm';
import { pgArray } from '../../db/arrays.ts';
import { type Db, type DbOrTx, type Tx, rowsOf } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { conflict, errorForOperators, notFound } from '../../http/errors.ts';
import type { Clock } from '../../time/clock.ts';
import { servesOn } from '../access/index.ts';
import { assignPlannedHelpers, generateVisits } from '../care/index.ts';
import { assertTeamPlanner, auditTeam } from './planning.access.ts';
import { loadPlanningData, type LoadedPlanning } from './planning.data.ts';
import { planFigures, type PlanFigures } from './planning.figures.ts';
import {
  assignmentsFrom,
  baselineFrom,
  buildProblem,
  isPlaceholder,
  unassignedReason,
  type Assignment,
  type UnassignedReason,
} from './planning.problem.ts';
import { planRuns } from './planning.tables.ts';

export interface RunFigures {
  before: PlanFigures;
  after: PlanFigures;
  unassigned: { visitId: string; reason: UnassignedReason }[];
  /** Version of each planned visit when the proposal was made (publish skips visits changed since). */
  versions: Record<string, number>;
  /** The team's locks in the period when the proposal was made (publish refuses if they changed). */
  locks: string[];
  /** The rota entries and absences the proposal was built on (publish refuses if any was added or removed). */
  rota?: string[];
  absences?: string[];
  /** Visits made from the care plans for the period before planning (they were missing). */
  visitsGenerated: number;
  /** Seconds spent outside the optimizer (loading, building, figures). */
  overheadSeconds: number;
  solverSeconds: number;
}

export type Enqueue = (runId: string) => Promise<void>;

export interface NewRun {
  from: string;
  days: number;
  timeLimitSeconds: number;
  kind: 'period' | 'sick_day';
  basedOn?: string;
}

export async function createRun(
  db: Db,
  actor: Actor,
  teamId: string,
  input: NewRun,
  enqueue: Enqueue,
): Promise<{ id: string }> {
  await assertTeamPlanner(db, actor, teamId, 'planning.run');
  const id = await db.transaction((tx) => insertRun(tx, actor, teamId, input));
  await enqueue(id);
  return { id };
}

/** «Kjør på nytt»: the same kind of run over the same period, with the team's locks as they are now. */
export async function rerun(
  db: Db,
  actor: Actor,
  runId: string,
  timeLimitSeconds: number | undefined,
  enqueue: Enqueue,
) {
  const run = await runOf(db, actor, runId);
  return createRun(
    db,
    actor,
    run.teamId,
    {
      from: run.fromDate,
      days: run.days,
      kind: run.kind,
      timeLimitSeconds: timeLimitSeconds ?? run.timeLimitSeconds,
      basedOn: run.solution ? run.id : undefined,
    },
    enqueue,
  );
}

/**
 * The caller has checked the actor plans for the team, and enqueues after the transaction
 * commits (the worker must see the row).
 */
export async function insertRun(tx: Tx, actor: Actor, teamId: string, input: NewRun): Promise<string> {
  const [run] = await tx
    .insert(planRuns)
    .values({
      teamId,
      kind: input.kind,
      fromDate: input.from,
      days: input.days,
      timeLimitSeconds: input.timeLimitSeconds,
      basedOn: input.basedOn ?? null,
      createdBy: actor.userId,
    })
    .returning({ id: planRuns.id });
  await auditTeam(tx, actor, 'planning.run', { teamId, runId: run.id, ...input });
  return run.id;
}

/** Figures over every visit of the period with the given assignments (current ones where none is given). */
export function figuresFor(data: LoadedPlanning, assignments?: Map<string, Assignment>): PlanFigures {
  const where = new Map(data.recipients.map((r) => [r.id, r]));
  return planFigures(
    data.visits.map((v) => {
      const a = assignments?.get(v.id);
      const helpers = a ? [a.staffId, a.secondStaffId] : [v.staffId, v.secondStaffId];
      return {
        recipientId: v.recipientId,
        date: v.date,
        windowStart: v.windowStart,
        windowEnd: v.windowEnd,
        duration: v.duration,
        helpers: helpers.filter((h): h is string => h !== null),
        start: a ? a.plannedStart : v.plannedStart,
      };
    }),
    (id) => where.get(id) ?? data.base,
    data.base,
  );
}

export interface ExecuteOptions {
  threads: number;
  /** The app's clock (config.clock): today's shifts start no earlier than its now. */
  clock: Clock;
}

/** Runs one queued plan; a run that is gone or already taken is left alone (the queue may deliver twice). */
export async function executeRun(db: Db, runId: string, opts: ExecuteOptions): Promise<void> {
  const taken = await db
    .update(planRuns)
    .set({ status: 'running', progress: { seconds: 0 } })
    .where(and(eq(planRuns.id, runId), eq(planRuns.status, 'queued')))
    .returning();
  const run = taken[0];
  if (!run) return;
  const t0 = performance.now();
  try {
    const clock = osloNow(opts.clock.now());
    // The period's visits come from the care plans: make any that are missing first (idempotent;
    // the run itself was audited when the team asked for it).
    const generated = await db.transaction((tx) => generateVisits(tx, run.teamId, run.fromDate, run.days));
    const staffing = await staffingOf(db, run);
    const data = await loadPlanningData(db, run.teamId, run.fromDate, run.days, {
      ...clock,
      replanDates: run.kind === 'sick_day' ? [run.fromDate] : undefined,
    });
    const { problem } = buildProblem(data);
    const base = run.basedOn
      ? ((await db.select({ solution: planRuns.solution }).from(planRuns).where(eq(planRuns.id, run.basedOn)))[0]
          ?.solution as Solution | undefined)
      : undefined;
    const before = figuresFor(data);
    const baseline = base ?? (run.kind === 'sick_day' ? baselineFrom(data, problem) : undefined);
    // A re-run starts from the proposal it repeats; a sick call-in from the plan as it stands.
    // Either way every visit moved to another helper costs extra, so little changes.
    const { result, solverSeconds } = await solveWithProgress(db, run, problem, { threads: opts.threads, baseline });
    const figures = proposalFigures(data, problem, result.solution, {
      before,
      staffing,
      visitsGenerated: generated.created,
      solverSeconds,
      t0,
    });
    await db
      .update(planRuns)
      .set({
        status: 'done',
        problem,
        solution: result.solution,
        figures,
        finishedAt: new Date(),
        progress: { seconds: round(solverSeconds), unassigned: figures.unassigned.length, done: true },
      })
      .where(eq(planRuns.id, runId));
  } catch (err) {
    await db
      .update(planRuns)
      // The page gets a code; operators get where and what kind of error, never its message
      // (a database error's message carries the query's parameters: people's data).
      .set({ status: 'failed', errorCode: 'failed', error: errorForOperators(err), finishedAt: new Date() })
      .where(eq(planRuns.id, runId));
    throw err;
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The ids of the team's rota entries and absences that touch the run's period: a proposal was
 * built on exactly these, so one added or removed since (a removed shift, a cancelled absence)
 * makes it stale. Read before the problem is loaded, so a change made meanwhile is caught too.
 */
async function staffingOf(db: DbOrTx, run: { teamId: string; fromDate: string; days: number }) {
  const to = sql`${run.fromDate}::date + ${run.days - 1}::int`;
  const [row] = rowsOf<{ rota: string[] | string | null; absences: string[] | string | null }>(
    await db.execute(sql`SELECT
        (SELECT array_agg(e.id::text ORDER BY e.id) FROM rota_entry e WHERE e.team_id = ${run.teamId}
            AND e.valid_from <= ${to} AND (e.valid_until IS NULL OR e.valid_until >= ${run.fromDate}::date - 1)) AS rota,
        (SELECT array_agg(a.id::text ORDER BY a.id) FROM absence a WHERE a.team_id = ${run.teamId}
            AND a.from_date <= ${to} AND a.to_date >= ${run.fromDate}::date - 1) AS absences`),
  );
  return { rota: pgArray(row.rota).sort(), absences: pgArray(row.absences).sort() };
}

/**
 * Runs the optimizer (in worker threads) and writes its progress to the run while it works: a
 * drizzle query runs only when awaited or then-ed, so each write is started here, at most one
 * in flight and one a second. An empty period needs no optimizer.
 */
async function solveWithProgress(
  db: Db,
  run: typeof planRuns.$inferSelect,
  problem: ReturnType<typeof buildProblem>['problem'],
  o: { threads: number; baseline: Solution | undefined },
) {
  let lastWrite = 0;
  let inFlight: Promise<void> | null = null;
  const tSolve = performance.now();
  const result =
    problem.visits.length === 0
      ? {
          solution: { format: 'tillit-solution/1', problem: problem.name, routes: [], unassigned: [] } as Solution,
          seconds: 0,
        }
      : await solveParallel(problem, {
          timeLimit: run.timeLimitSeconds,
          seed: 1,
          threads: o.threads,
          baseline: o.baseline,
          // A new proposal gives each person a helper set first (primary contact first, then
          // helpers with room for the person's visits), so the page can show the set and why a
          // visit left it; a re-plan keeps the plan it starts from instead.
          tuning: o.baseline ? undefined : { construction: 'zones' },
          onProgress: (p) => {
            const now = performance.now();
            if (now - lastWrite < 1000 || inFlight) return;
            lastWrite = now;
            inFlight = db
              .update(planRuns)
              .set({
                progress: {
                  seconds: Math.round(p.seconds * 10) / 10,
                  unassigned: p.unassigned,
                  travel: Math.round(p.travel),
                },
              })
              .where(and(eq(planRuns.id, run.id), eq(planRuns.status, 'running')))
              .then(
                () => {},
                () => {},
              )
              .finally(() => {
                inFlight = null;
              });
          },
        });
  const solverSeconds = (performance.now() - tSolve) / 1000;
  await inFlight;
  return { result, solverSeconds };
}

/** The proposal's figures: before and after, why visits were left, and what publishing checks against. */
function proposalFigures(
  data: LoadedPlanning,
  problem: ReturnType<typeof buildProblem>['problem'],
  solution: Solution,
  t: {
    before: PlanFigures;
    staffing: { rota: string[]; absences: string[] };
    visitsGenerated: number;
    solverSeconds: number;
    t0: number;
  },
): RunFigures {
  const assignments = assignmentsFrom(solution);
  const after = figuresFor(data, assignments);
  const competencesOf = (id: string) => data.visits.find((v) => v.id === id)?.competences ?? [];
  const unassigned = solution.unassigned
    .filter((id) => !isPlaceholder(id))
    .map((visitId) => ({ visitId, reason: unassignedReason(problem, visitId, competencesOf) }));
  // Each planned visit's version when the proposal was made: publishing skips visits changed since.
  const versions = Object.fromEntries(data.visits.filter((v) => assignments.has(v.id)).map((v) => [v.id, v.version]));
  const locks = data.locks.map((l) => l.id!).filter(Boolean);
  return {
    before: t.before,
    after,
    unassigned,
    versions,
    locks,
    ...t.staffing,
    visitsGenerated: t.visitsGenerated,
    solverSeconds: round(t.solverSeconds),
    overheadSeconds: round((performance.now() - t.t0) / 1000 - t.solverSeconds),
  };
}

/** The checks behind publishing's 409: nothing the proposal was built on has changed since. */
async function assertStillFits(tx: Tx, run: typeof planRuns.$inferSelect) {
  const to = sql`${run.fromDate}::date + ${run.days - 1}::int`;
  // Compared in SQL: a JS Date keeps milliseconds only, the column has microseconds.
  const madeAt = sql`(SELECT created_at FROM plan_run WHERE id = ${run.id})`;
  const [state] = rowsOf<{ newer: boolean; absences: boolean; locks: string[] | string | null }>(
    await tx.execute(sql`SELECT
        EXISTS (SELECT 1 FROM plan_run p WHERE p.team_id = ${run.teamId} AND p.id <> ${run.id} AND p.status = 'published'
                   AND p.published_at > ${madeAt} AND p.from_date <= ${to} AND p.from_date + p.days - 1 >= ${run.fromDate}::date) AS newer,
        EXISTS (SELECT 1 FROM absence a WHERE a.team_id = ${run.teamId} AND a.created_at > ${madeAt}
                   AND a.from_date <= ${to} AND a.to_date >= ${run.fromDate}::date) AS absences,
        (SELECT array_agg(l.id::text ORDER BY l.id) FROM plan_lock l WHERE l.team_id = ${run.teamId}
            AND (l.date BETWEEN ${run.fromDate}::date AND ${to}
                 OR l.visit_id IN (SELECT v.id FROM visit v WHERE v.date BETWEEN ${run.fromDate}::date AND ${to} AND v.status <> 'cancelled'))) AS locks`),
  );
  if (state.newer)
    throw conflict(
      'run_stale',
      'The team has published another plan for this period since this proposal was made; make a new proposal',
    );
  if (state.absences) throw conflict('run_stale', 'An absence was registered after this proposal was made; run again');
  const locksNow = pgArray(state.locks).sort().join(',');
  const locksThen = ((run.figures as RunFigures).locks ?? []).slice().sort().join(',');
  if (locksNow !== locksThen)
    throw conflict('run_stale', 'Locks have changed since this proposal was made; run again to include them');
  const figures = run.figures as RunFigures;
  if (figures.rota === undefined || figures.absences === undefined) return; // a proposal from before these were kept
  const now = await staffingOf(tx, run);
  if (now.rota.join(',') !== figures.rota.join(','))
    throw conflict('run_stale', 'The rota has changed since this proposal was made; run again');
  if (now.absences.join(',') !== figures.absences.join(','))
    throw conflict('run_stale', 'Absences have changed since this proposal was made; run again');
}

/** The proposed visits whose helper (or second helper) does not serve the person on the visit's date. */
async function helpersNotServing(tx: Tx, assignments: Map<string, Assignment>): Promise<Set<string>> {
  const rows = [...assignments.entries()];
  const found = new Set<string>();
  for (let i = 0; i < rows.length; i += 500) {
    const values = rows
      .slice(i, i + 500)
      .map(([id, a]) => sql`(${id}::uuid, ${a.staffId}::uuid, ${a.secondStaffId}::uuid)`);
    const res = rowsOf<{ id: string }>(
      await tx.execute(sql`SELECT u.id FROM (VALUES ${sql.join(values, sql`, `)}) AS u(id, staff_id, second_staff_id)
                             JOIN visit v ON v.id = u.id
                            WHERE (u.staff_id IS NOT NULL AND NOT ${servesOn(sql`u.staff_id`, sql`v.recipient_id`, sql`v.date`)})
                               OR (u.second_staff_id IS NOT NULL AND NOT ${servesOn(sql`u.second_staff_id`, sql`v.recipient_id`, sql`v.date`)})`),
    );
    for (const r of res) found.add(r.id);
  }
  return found;
}

export async function runOf(db: Db, actor: Actor, runId: string) {
  const [run] = await db.select().from(planRuns).where(eq(planRuns.id, runId));
  if (!run) throw notFound('Plan proposal');
  await assertTeamPlanner(db, actor, run.teamId, 'planning.view');
  return run;
}

export interface PublishResult {
  changed: number;
  skipped: number;
  notified: number;
}

/**
 * Publishing writes the proposal to the visits: the day lists show it at once. Refused (409)
 * when the team has since published another plan for an overlapping period, changed its locks,
 * or registered an absence — the proposal no longer fits; run again. Visits done, started,
 * removed, changed by hand since, already past, or proposed for a helper who does not serve the
 * person that day (helpers.rule.ts) are skipped. Every helper whose day changes
 * on a visit they could already see gets a notice (added, removed, or a new time).
 */
export async function publishRun(db: Db, actor: Actor, runId: string): Promise<PublishResult> {
  const [found] = await db.select({ teamId: planRuns.teamId }).from(planRuns).where(eq(planRuns.id, runId));
  if (!found) throw notFound('Plan proposal');
  await assertTeamPlanner(db, actor, found.teamId, 'planning.publish');
  return db.transaction(async (tx) => {
    const [run] = await tx.select().from(planRuns).where(eq(planRuns.id, runId)).for('update');
    if (run.status !== 'done')
      throw conflict(
        'run_not_ready',
        run.status === 'published' ? 'This proposal is already published' : 'The proposal is not finished yet',
        { status: run.status },
      );
    await assertStillFits(tx, run);
    const assignments = assignmentsFrom(run.solution as Solution);
    const versions = (run.figures as RunFigures).versions ?? {};
    const ids = [...assignments.keys()];
    if (ids.length === 0) {
      await tx
        .update(planRuns)
        .set({ status: 'published', publishedAt: new Date(), publishedBy: actor.userId })
        .where(eq(planRuns.id, runId));
      return { changed: 0, skipped: 0, notified: 0 };
    }
    const current = await lockVisits(tx, ids);
    const notServing = await helpersNotServing(tx, assignments);
    const { updates, changes, skipped } = diffAssignments(current, assignments, {
      versions,
      notServing,
      ...osloNow(actor.now),
      missing: ids.length - current.length,
    });
    await assignPlannedHelpers(
      tx,
      updates.map(({ id, a }) => ({
        visitId: id,
        staffId: a.staffId,
        secondStaffId: a.secondStaffId,
        plannedStart: a.plannedStart,
      })),
    );
    await insertChanges(tx, runId, changes);
    await tx
      .update(planRuns)
      .set({ status: 'published', publishedAt: new Date(), publishedBy: actor.userId })
      .where(eq(planRuns.id, runId));
    const updated = new Set(updates.map((u) => u.id));
    await auditTeam(tx, actor, 'planning.publish', {
      teamId: run.teamId,
      runId,
      changed: updates.length,
      skipped,
      notified: changes.length,
      notServing: notServing.size,
      recipients: [...new Set(current.filter((v) => updated.has(v.id)).map((v) => v.recipientId))],
    });
    return { changed: updates.length, skipped, notified: changes.length };
  });
}

/** The visit as it stands, locked until the plan is published. */
type CurrentVisit = {
  id: string;
  recipientId: string;
  date: string;
  status: string;
  staffId: string | null;
  secondStaffId: string | null;
  plannedStart: number | null;
  windowEnd: number;
  version: number;
  published: boolean;
};

type PlanChange = {
  staffId: string;
  visitId: string;
  kind: 'added' | 'removed' | 'retimed';
  date: string;
  plannedStart: number | null;
};

/** The plan's visits as they stand now, locked (FOR UPDATE) until the transaction ends. */
async function lockVisits(tx: Tx, ids: string[]): Promise<CurrentVisit[]> {
  return (
    await tx.execute(sql`SELECT id, recipient_id AS "recipientId", date::text AS date, status, staff_id AS "staffId", second_staff_id AS "secondStaffId",
                                planned_start AS "plannedStart", window_end AS "windowEnd", version, published
                           FROM visit WHERE id = ANY(${`{${ids.join(',')}}`}::uuid[]) FOR UPDATE`)
  ).rows as CurrentVisit[];
}

/**
 * What publishing changes: the visits to update, and the notices for helpers who could already
 * see a visit. A visit is skipped when it is gone (`missing`), done, past, changed since the
 * proposal was made (its version), or given to a helper who no longer serves the person.
 */
function diffAssignments(
  current: CurrentVisit[],
  assignments: Map<string, Assignment>,
  o: { versions: Record<string, number>; notServing: Set<string>; today: string; nowMinute: number; missing: number },
) {
  const { versions, notServing, today, nowMinute } = o;
  const changes: PlanChange[] = [];
  const updates: { id: string; a: Assignment }[] = [];
  let skipped = o.missing;
  for (const v of current) {
    const a = assignments.get(v.id)!;
    const past = v.date < today || (v.date === today && v.windowEnd < nowMinute);
    if (v.status !== 'planned' || past || (versions[v.id] !== undefined && versions[v.id] !== v.version)) {
      skipped++;
      continue;
    }
    // A helper who no longer serves the person that day (left the team, or the person moved)
    // is never given the visit: it keeps what it had, and the team plans it again.
    if (notServing.has(v.id)) {
      skipped++;
      continue;
    }
    const before = new Set([v.staffId, v.secondStaffId].filter(Boolean) as string[]);
    const after = new Set([a.staffId, a.secondStaffId].filter(Boolean) as string[]);
    const same = before.size === after.size && [...before].every((h) => after.has(h));
    if (same && v.plannedStart === a.plannedStart && v.published) continue;
    updates.push({ id: v.id, a });
    // Helpers could already see the visit in «Min dag» if it had a helper: tell them what changed.
    if (before.size === 0) continue;
    for (const h of after)
      if (!before.has(h))
        changes.push({ staffId: h, visitId: v.id, kind: 'added', date: v.date, plannedStart: a.plannedStart });
    for (const h of before)
      if (!after.has(h))
        changes.push({ staffId: h, visitId: v.id, kind: 'removed', date: v.date, plannedStart: v.plannedStart });
    if (v.plannedStart !== null && a.plannedStart !== null && Math.abs(v.plannedStart - a.plannedStart) >= 15)
      for (const h of after)
        if (before.has(h))
          changes.push({ staffId: h, visitId: v.id, kind: 'retimed', date: v.date, plannedStart: a.plannedStart });
  }
  return { updates, changes, skipped };
}

/** The notices to helpers («Endringer i planen»), 500 rows per statement. */
async function insertChanges(tx: Tx, runId: string, changes: PlanChange[]) {
  for (let i = 0; i < changes.length; i += 500) {
    const rows = changes
      .slice(i, i + 500)
      .map(
        (c) =>
          sql`(${c.staffId}::uuid, ${c.visitId}::uuid, ${runId}::uuid, ${c.kind}::plan_change_kind, ${c.date}::date, ${c.plannedStart}::smallint)`,
      );
    await tx.execute(
      sql`INSERT INTO plan_change (staff_id, visit_id, run_id, kind, date, planned_start) VALUES ${sql.join(rows, sql`, `)}`,
    );
  }
}
