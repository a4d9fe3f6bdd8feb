/**
 * The team's rota and absences, edited by the team itself. A new rota entry that could
 * overlap another of the same helper's entries, or an absence that ends before it starts, is
 * refused with the field named; nothing is written then.
 */
import { addDays } from '@tillit/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { type Db, type DbOrTx, rowsOf } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { badInput, notFound } from '../../http/errors.ts';
import { validFrom } from '../../time/sql.ts';
import { assertTeamPlanner, auditTeam } from './planning.access.ts';
import { rotaRows, selectRota } from './planning.data.ts';
import { insertRun, type Enqueue } from './planning.runs.ts';
import { absences, planRuns, rotaEntries } from './planning.tables.ts';
import { entriesOverlap, type RotaPattern } from './rota.ts';

export type NewRotaEntry = Omit<RotaPattern, 'id'>;
export interface NewAbsence {
  staffId: string;
  fromDate: string;
  toDate: string;
  reason: 'sick' | 'leave' | 'course' | 'other';
}

/** A member of the team today or from a later day. */
async function assertMember(tx: DbOrTx, actor: Actor, teamId: string, staffId: string) {
  const [row] = rowsOf<{ ok: boolean }>(
    await tx.execute(sql`SELECT EXISTS (SELECT 1 FROM team_membership WHERE team_id = ${teamId} AND staff_id = ${staffId}
                                                              AND ${validFrom(null, actor.today)}) AS ok`),
  );
  if (!row.ok)
    throw badInput([{ field: 'staffId', code: 'not_in_team', message: 'The helper is not a member of this team' }]);
}

/** "22:00"; a night shift's end past midnight as the next morning's clock ("07:00"). */
const hhmm = (m: number) => {
  const t = m > 1440 ? m - 1440 : m;
  return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
};

export async function teamRota(db: Db, actor: Actor, teamId: string) {
  await assertTeamPlanner(db, actor, teamId, 'planning.rota');
  const [staffRes, rotaRes, absRes] = await Promise.all([
    db.execute(sql`SELECT s.id, s.given_name || ' ' || s.family_name AS name, s.profession FROM team_membership tm JOIN staff s ON s.id = tm.staff_id
                    WHERE tm.team_id = ${teamId} AND ${validFrom('tm', actor.today)} ORDER BY s.given_name, s.family_name`),
    db.execute(sql`${selectRota(sql`team_id = ${teamId}`)} ORDER BY start_minute`),
    db.execute(sql`SELECT id, staff_id AS "staffId", from_date::text AS "fromDate", to_date::text AS "toDate", reason FROM absence
                    WHERE team_id = ${teamId} AND to_date >= ${addDays(actor.today, -14)}::date ORDER BY from_date`),
  ]);
  return {
    staff: rowsOf<{ id: string; name: string; profession: string }>(staffRes),
    entries: rotaRows(rotaRes),
    absences: rowsOf<{ id: string; staffId: string; fromDate: string; toDate: string; reason: NewAbsence['reason'] }>(
      absRes,
    ),
  };
}

export async function addRotaEntry(db: Db, actor: Actor, teamId: string, input: NewRotaEntry) {
  await assertTeamPlanner(db, actor, teamId, 'planning.rota');
  return db.transaction(async (tx) => {
    await assertMember(tx, actor, teamId, input.staffId);
    // Lock the helper first: two entries added at once must not both pass the overlap check.
    await tx.execute(sql`SELECT id FROM staff WHERE id = ${input.staffId} FOR UPDATE`);
    const existing = rotaRows(await tx.execute(sql`${selectRota(sql`staff_id = ${input.staffId}`)} FOR UPDATE`));
    const clash = existing.find((e) => entriesOverlap(e, input));
    if (clash) {
      throw badInput([
        {
          field: 'startMinute',
          code: 'overlap',
          message: `Overlaps the ${clash.kind} shift ${hhmm(clash.startMinute)}–${hhmm(clash.endMinute)}${clash.endMinute > 1440 ? ' (next day)' : ''} on the same or the next day`,
        },
      ]);
    }
    const [row] = await tx
      .insert(rotaEntries)
      .values({ ...input, teamId })
      .returning();
    await auditTeam(tx, actor, 'planning.rota.add', { teamId, entryId: row.id, staffId: input.staffId });
    return row;
  });
}

export async function removeRotaEntry(db: Db, actor: Actor, entryId: string) {
  const [row] = await db.select().from(rotaEntries).where(eq(rotaEntries.id, entryId));
  if (!row) throw notFound('Rota entry');
  await assertTeamPlanner(db, actor, row.teamId, 'planning.rota');
  return db.transaction(async (tx) => {
    await tx.delete(rotaEntries).where(eq(rotaEntries.id, entryId));
    await auditTeam(tx, actor, 'planning.rota.remove', { teamId: row.teamId, entryId, staffId: row.staffId });
    return { ok: true };
  });
}

/** The caller has checked the actor plans for the team. */
async function insertAbsence(tx: DbOrTx, actor: Actor, teamId: string, input: NewAbsence) {
  await assertMember(tx, actor, teamId, input.staffId);
  const [row] = await tx
    .insert(absences)
    .values({ ...input, teamId, createdBy: actor.userId })
    .returning();
  await auditTeam(tx, actor, 'planning.absence.add', {
    teamId,
    absenceId: row.id,
    staffId: input.staffId,
    fromDate: input.fromDate,
    toDate: input.toDate,
    reason: input.reason,
  });
  return row;
}

export async function addAbsence(db: Db, actor: Actor, teamId: string, input: NewAbsence) {
  await assertTeamPlanner(db, actor, teamId, 'planning.absence');
  return db.transaction((tx) => insertAbsence(tx, actor, teamId, input));
}

export async function removeAbsence(db: Db, actor: Actor, absenceId: string) {
  const [row] = await db.select().from(absences).where(eq(absences.id, absenceId));
  if (!row) throw notFound('Absence');
  await assertTeamPlanner(db, actor, row.teamId, 'planning.absence');
  return db.transaction(async (tx) => {
    await tx.delete(absences).where(eq(absences.id, absenceId));
    await auditTeam(tx, actor, 'planning.absence.remove', { teamId: row.teamId, absenceId });
    return { ok: true };
  });
}

/**
 * Sykemelding: the helper is away today (or on the date given); the absence is registered and
 * that day alone is re-planned. Visits of helpers still at work stay with them; only the sick
 * helper's visits move, to familiar faces where there is room.
 */
export async function reportSick(
  db: Db,
  actor: Actor,
  teamId: string,
  input: { staffId: string; date: string; timeLimitSeconds: number },
  enqueue: Enqueue,
) {
  await assertTeamPlanner(db, actor, teamId, 'planning.sick');
  if (input.date < actor.today)
    throw badInput([{ field: 'date', code: 'in_past', message: 'A sick call-in is for today or a coming day' }]);
  const out = await db.transaction(async (tx) => {
    const absence = await insertAbsence(tx, actor, teamId, {
      staffId: input.staffId,
      fromDate: input.date,
      toDate: input.date,
      reason: 'sick',
    });
    const runId = await insertRun(tx, actor, teamId, {
      from: input.date,
      days: 1,
      timeLimitSeconds: input.timeLimitSeconds,
      kind: 'sick_day',
    });
    return { absenceId: absence.id, runId };
  });
  await enqueue(out.runId);
  return out;
}

export async function latestRuns(db: Db, actor: Actor, teamId: string) {
  await assertTeamPlanner(db, actor, teamId, 'planning.view');
  return db
    .select({
      id: planRuns.id,
      kind: planRuns.kind,
      status: planRuns.status,
      fromDate: planRuns.fromDate,
      days: planRuns.days,
      createdAt: planRuns.createdAt,
      publishedAt: planRuns.publishedAt,
    })
    .from(planRuns)
    .where(and(eq(planRuns.teamId, teamId)))
    .orderBy(sql`${planRuns.createdAt} DESC`)
    .limit(10);
}
