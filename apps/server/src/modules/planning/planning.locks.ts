/**
 * Locks the team sets before re-running, and who may take a visit. A visit lock keeps (or
 * moves) the visit to one helper — refused with the reason when that helper is absent, off
 * or lacks a competence the visit needs that day (principle 8). A helper-day lock keeps that
 * helper's day exactly as it is.
 */
import { osloNow } from '@tillit/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, badInput, conflict, notFound } from '../../http/errors.ts';
import { validOn } from '../../time/sql.ts';
import { whyNotOffered, type NotOffered } from './candidates.ts';
import { assertTeamPlanner, auditTeam } from './planning.access.ts';
import { loadPlanningData } from './planning.data.ts';
import { planLocks } from './planning.tables.ts';

/** The visit with the team serving its person today. 404 when it no longer exists. */
async function visitAndTeam(db: Db, visitId: string) {
  const [v] = rowsOf<{
    id: string;
    date: string;
    status: string;
    teamId: string | null;
    staffId: string | null;
    secondStaffId: string | null;
    twoHelpers: boolean;
  }>(
    await db.execute(sql`SELECT v.id, v.date::text AS date, v.status, v.staff_id AS "staffId", v.second_staff_id AS "secondStaffId",
                                EXISTS (SELECT 1 FROM visit_measure vm JOIN measure m ON m.id = vm.measure_id WHERE vm.visit_id = v.id AND m.two_helpers) AS "twoHelpers",
                                (SELECT rt.team_id FROM recipient_team rt WHERE rt.recipient_id = v.recipient_id AND ${validOn('rt', sql`v.date`)}
                                  ORDER BY rt.valid_from DESC LIMIT 1) AS "teamId"
                           FROM visit v WHERE v.id = ${visitId}`),
  );
  if (!v?.teamId)
    throw new AppError(404, 'visit_gone', 'The visit no longer exists; reload the plan', {
      fields: [{ field: 'visitId', code: 'not_found', message: 'The visit no longer exists' }],
    });
  return v as typeof v & { teamId: string };
}

export async function candidatesFor(db: Db, actor: Actor, visitId: string) {
  const v = await visitAndTeam(db, visitId);
  await assertTeamPlanner(db, actor, v.teamId, 'planning.candidates');
  return candidatesOf(db, actor, v);
}

/** Everyone in the team that day, offered or with the reasons not; the caller has checked access. */
async function candidatesOf(db: Db, actor: Actor, v: { id: string; teamId: string; date: string }) {
  const visitId = v.id;
  const data = await loadPlanningData(db, v.teamId, v.date, 1, osloNow(actor.now));
  const visit = data.visits.find((x) => x.id === visitId);
  if (!visit) throw notFound('Visit');
  return {
    visitId,
    competences: visit.competences,
    candidates: data.staff.map((s) => {
      const reasons: NotOffered[] = whyNotOffered(s, visit);
      return { staffId: s.id, name: s.name, offered: reasons.length === 0, reasons };
    }),
  };
}

export async function lockVisit(db: Db, actor: Actor, visitId: string, staffId: string | undefined) {
  const v = await visitAndTeam(db, visitId);
  await assertTeamPlanner(db, actor, v.teamId, 'planning.lock');
  if (v.status !== 'planned')
    throw conflict('visit_not_planned', 'Only visits still to be done can be locked', { status: v.status });
  const helper = staffId ?? v.staffId;
  if (!helper)
    throw badInput([
      { field: 'staffId', code: 'required', message: 'The visit has no helper yet: choose who should take it' },
    ]);
  // A two-helper visit is kept as it is when locked: it cannot be moved to a named helper here.
  if (v.twoHelpers && helper !== v.staffId && helper !== v.secondStaffId)
    throw badInput([
      {
        field: 'staffId',
        code: 'two_helpers_keep_only',
        message:
          'A visit that needs two helpers can only be kept with the helpers it has; assign the pair on the board',
      },
    ]);
  const { candidates } = await candidatesOf(db, actor, v);
  const c = candidates.find((x) => x.staffId === helper);
  if (!c)
    throw badInput([
      { field: 'staffId', code: 'not_in_team', message: 'The helper is not in the team that serves this person' },
    ]);
  if (!c.offered)
    throw new AppError(400, 'not_offered', `${c.name} cannot take this visit`, {
      fields: [{ field: 'staffId', code: c.reasons[0].code, message: `${c.name} cannot take this visit` }],
      reasons: c.reasons,
    });
  return db.transaction(async (tx) => {
    const [lock] = await tx
      .insert(planLocks)
      .values({ teamId: v.teamId, visitId, staffId: helper, lockedBy: actor.userId })
      .onConflictDoUpdate({
        target: planLocks.visitId,
        set: { staffId: helper, lockedBy: actor.userId, lockedAt: new Date() },
      })
      .returning();
    await auditTeam(tx, actor, 'planning.lock', { teamId: v.teamId, visitId, staffId: helper });
    return lock;
  });
}

export async function lockDay(db: Db, actor: Actor, teamId: string, staffId: string, date: string) {
  await assertTeamPlanner(db, actor, teamId, 'planning.lock');
  return db.transaction(async (tx) => {
    const [member] = rowsOf<{ ok: boolean }>(
      await tx.execute(sql`SELECT EXISTS (SELECT 1 FROM team_membership WHERE team_id = ${teamId} AND staff_id = ${staffId}
                                AND ${validOn(null, date)}) AS ok`),
    );
    if (!member.ok)
      throw badInput([
        { field: 'staffId', code: 'not_in_team', message: 'The helper is not in this team on that date' },
      ]);
    const [lock] = await tx
      .insert(planLocks)
      .values({ teamId, staffId, date, lockedBy: actor.userId })
      .onConflictDoNothing()
      .returning();
    await auditTeam(tx, actor, 'planning.lock', { teamId, staffId, date });
    const existing =
      lock ??
      (
        await tx
          .select()
          .from(planLocks)
          .where(and(eq(planLocks.staffId, staffId), eq(planLocks.date, date)))
      )[0];
    if (existing.teamId !== teamId) throw conflict('locked_by_other_team', "Another team has locked this helper's day");
    return existing;
  });
}

export async function unlock(db: Db, actor: Actor, lockId: string) {
  const [lock] = await db.select().from(planLocks).where(eq(planLocks.id, lockId));
  if (!lock) throw notFound('Lock');
  await assertTeamPlanner(db, actor, lock.teamId, 'planning.unlock');
  return db.transaction(async (tx) => {
    await tx.delete(planLocks).where(eq(planLocks.id, lockId));
    await auditTeam(tx, actor, 'planning.unlock', {
      teamId: lock.teamId,
      visitId: lock.visitId,
      staffId: lock.staffId,
      date: lock.date,
    });
    return { ok: true };
  });
}
