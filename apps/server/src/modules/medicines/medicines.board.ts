import { addDays, osloDate, osloInstant } from '@tillit/contracts';
import { sql } from 'drizzle-orm';
import { type Db, type DbOrTx, rowsOf } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { forbidden } from '../../http/errors.ts';
import { canListTeamRecipients, factColumnsFor, judgeList, refusal } from '../access/index.ts';
import { auditWriterFor } from '../audit/index.ts';
import { plannedAt } from './medicines.sql.ts';
import { validDuring, validOn } from '../../time/sql.ts';

export interface DoseNotGiven {
  recipientId: string;
  administrationId: string | null;
  drugName: string;
  plannedAt: string;
  status: 'refused' | 'not_given' | 'missed';
  reason: string | null;
}

/**
 * Doses of the people a team serves, planned in [from, to), that were refused, not given (with the
 * reason recorded), or missed: no row at all once the visit holding the dose's time has ended (or,
 * with no such visit, the time itself has passed) by `now` (default: `to`). Newest first.
 *
 * No actor: the caller (the team board, the handover) has already checked that the actor may see
 * the team's people (canListTeamRecipients) and audits what it shows.
 */
export async function dosesNotGiven(
  db: DbOrTx,
  opts: { teamId: string; from: Date; to: Date; now?: Date },
): Promise<DoseNotGiven[]> {
  const { teamId, from, to } = opts;
  const now = (opts.now ?? to).toISOString();
  const [fromDate, toDate] = [osloDate(from), osloDate(to)];
  const served = sql`(SELECT rt.recipient_id FROM recipient_team rt WHERE rt.team_id = ${teamId}
                        AND ${validDuring('rt', fromDate, toDate)})`;
  const rows = rowsOf<DoseNotGiven & { plannedAt: string | Date }>(
    await db.execute(sql`
      WITH planned AS (
        SELECT m.id AS medication_id, m.recipient_id, m.drug_name, d::date AS day, t::int AS minute,
               ${plannedAt(sql`d::date`, sql`t`)} AS at
          FROM medication m
          CROSS JOIN LATERAL generate_series(${fromDate}::date, ${toDate}::date, interval '1 day') d
          CROSS JOIN LATERAL unnest(m.times) t
         WHERE NOT m.as_needed AND m.recipient_id IN ${served}
           AND ${validOn('m', sql`d::date`)})
      SELECT p.recipient_id AS "recipientId", NULL::uuid AS "administrationId", p.drug_name AS "drugName", p.at AS "plannedAt",
             'missed' AS status, NULL AS reason
        FROM planned p
       WHERE p.at >= ${from.toISOString()}::timestamptz AND p.at < ${to.toISOString()}::timestamptz
         AND NOT EXISTS (SELECT 1 FROM dose_administration a WHERE a.medication_id = p.medication_id AND a.date = p.day
                          AND a.planned_minute = p.minute AND NOT a.as_needed)
         AND COALESCE((SELECT ${plannedAt(sql`v.date`, sql`v.window_end`)} FROM visit v
                        WHERE v.recipient_id = p.recipient_id AND v.date = p.day AND v.status <> 'cancelled'
                          AND p.minute BETWEEN v.window_start AND v.window_end ORDER BY v.window_start LIMIT 1), p.at) < ${now}::timestamptz
      UNION ALL
      SELECT a.recipient_id, a.id, m.drug_name, ${plannedAt(sql`a.date`, sql`a.planned_minute`)},
             CASE WHEN a.not_given_reason = 'refused' THEN 'refused' ELSE 'not_given' END, a.not_given_reason::text
        FROM dose_administration a JOIN medication m ON m.id = a.medication_id
       WHERE a.status = 'not_given' AND NOT a.as_needed AND a.recipient_id IN ${served}
         AND a.date BETWEEN ${fromDate}::date AND ${toDate}::date
         AND ${plannedAt(sql`a.date`, sql`a.planned_minute`)} >= ${from.toISOString()}::timestamptz
         AND ${plannedAt(sql`a.date`, sql`a.planned_minute`)} < ${to.toISOString()}::timestamptz
       ORDER BY 4 DESC, 3`),
  );
  return rows.map((r) => ({ ...r, plannedAt: new Date(r.plannedAt).toISOString() }));
}

/**
 * The board's medicine cards: doses not given in the last two days and high-risk doses waiting
 * for their second signature. Only the team's members (403 and a `denied` row otherwise); the
 * audit row names the people shown.
 */
export async function medicineBoard(db: Db, actor: Actor, teamId: string) {
  if (!canListTeamRecipients(actor, teamId)) {
    const error = forbidden('not_team_member', 'Only members of the team see its board');
    throw await refusal(db, actor, 'medicines.board', error, { teamId });
  }
  // Doses recorded as not given count up to the end of today (a refusal at 20:00 is news at 14:00);
  // a dose is only missed once its visit is over.
  const notGiven = await dosesNotGiven(db, {
    teamId,
    from: new Date(actor.now.getTime() - 2 * 86_400_000),
    to: osloInstant(addDays(actor.today, 1), 0),
    now: actor.now,
  });
  const awaiting = rowsOf<{
    administrationId: string;
    recipientId: string;
    drugName: string;
    givenBy: string;
    plannedAt: string;
  }>(
    await db.execute(sql`SELECT a.id AS "administrationId", a.recipient_id AS "recipientId", m.drug_name AS "drugName",
                                (SELECT u.display_name FROM user_account u WHERE u.id = a.recorded_by) AS "givenBy",
                                a.recorded_at AS "plannedAt"
                           FROM dose_administration a JOIN medication m ON m.id = a.medication_id
                          WHERE a.needs_second AND a.second_by IS NULL AND a.date >= ${osloDate(new Date(actor.now.getTime() - 7 * 86_400_000))}::date
                            AND a.recipient_id IN (SELECT rt.recipient_id FROM recipient_team rt WHERE rt.team_id = ${teamId}
                                                     AND ${validOn('rt', actor.today)})
                          ORDER BY a.recorded_at`),
  );
  const ids = [...new Set([...notGiven, ...awaiting].map((r) => r.recipientId))];
  const names = new Map(
    rowsOf<{ id: string; person: string }>(
      ids.length
        ? await db.execute(sql`SELECT id, given_name || ' ' || family_name AS person FROM recipient
                                WHERE id = ANY(${`{${ids.join(',')}}`}::uuid[])`)
        : { rows: [] },
    ).map((r) => [r.id, r.person]),
  );
  await auditWriterFor(db).append({
    at: new Date(),
    actorUserId: actor.userId,
    actorName: actor.displayName,
    action: 'medicines.board',
    recipientId: null,
    basis: 'care_relation',
    emergencyAccessId: null,
    details: { teamId, recipients: ids },
  });
  return {
    notGiven: notGiven.map((r) => ({ ...r, person: names.get(r.recipientId) ?? '' })),
    awaitingSecond: awaiting.map((r) => ({
      ...r,
      plannedAt: new Date(r.plannedAt).toISOString(),
      person: names.get(r.recipientId) ?? '',
    })),
  };
}

/**
 * «Min dag»: how many doses each of my visits on a date holds and how many are recorded, so the
 * day list can say «3 doser» and give them with «Alt utført som planlagt». Judged row by row.
 */
export async function myDayDoses(db: Db, actor: Actor, date: string) {
  if (!actor.staffId) return [];
  const facts = factColumnsFor(actor.userId, actor.today);
  const rows = rowsOf<{
    visitId: string;
    recipientId: string;
    teams: unknown;
    emergency: unknown;
    planned: number;
    recorded: number;
  }>(
    await db.execute(sql`
      SELECT v.id AS "visitId", r.id AS "recipientId", ${facts.teams} AS teams, ${facts.emergency} AS emergency,
             (SELECT count(*)::int FROM medication m CROSS JOIN LATERAL unnest(m.times) t
               WHERE m.recipient_id = r.id AND NOT m.as_needed AND t BETWEEN v.window_start AND v.window_end
                 AND ${validOn('m', sql`v.date`)}) AS planned,
             (SELECT count(*)::int FROM dose_administration a JOIN medication m ON m.id = a.medication_id
               WHERE a.recipient_id = r.id AND a.date = v.date AND NOT a.as_needed
                 AND a.planned_minute BETWEEN v.window_start AND v.window_end) AS recorded
        FROM visit v JOIN recipient r ON r.id = v.recipient_id
       WHERE v.date = ${date}::date AND (v.staff_id = ${actor.staffId} OR v.second_staff_id = ${actor.staffId})
         AND v.status <> 'cancelled'`),
  );
  const withDoses = rows.filter((r) => Number(r.planned) > 0);
  const judged = await judgeList(db, actor, 'doses.dayList', withDoses, { date });
  return judged
    .filter((j) => j.decision.allow)
    .map(({ row }) => ({ visitId: row.visitId, planned: Number(row.planned), recorded: Number(row.recorded) }));
}
