import { eq, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { canSeeTeam } from '../access/access.policy.ts';
import { teams } from '../organisation/organisation.tables.ts';
import { continuity, decisionsDelivered, flagToPlanHours, planFidelity, punctuality, unstaffedOrCancelled, type VisitRow } from './indicators.ts';

/**
 * Loads one team's daily data for a period and computes every indicator. Team-level only:
 * no figure is returned per employee. Open to the team's members, its district's leaders
 * and administrators; aggregates only, so it is not logged as a read of anyone's record.
 */
export async function teamIndicators(db: Db, actor: Actor, teamId: string, from: string, to: string) {
  const [team] = await db.select().from(teams).where(eq(teams.id, teamId));
  if (!team) throw notFound('Team');
  if (!canSeeTeam(actor, team)) throw forbidden('not_your_team', 'You cannot see this team');
  const served = sql`(SELECT rt.recipient_id FROM recipient_team rt WHERE rt.team_id = ${teamId}
                       AND rt.valid_from <= ${to}::date AND (rt.valid_until IS NULL OR rt.valid_until >= ${from}::date))`;
  const [visitRes, outcomeRes, flagRes, decisionRes, deliveredRes, pcRes] = await Promise.all([
    db.execute(sql`SELECT v.recipient_id AS "recipientId", v.window_start AS "windowStart", v.window_end AS "windowEnd", v.status,
                          (extract(epoch FROM (v.checked_in_at AT TIME ZONE 'Europe/Oslo')::time) / 60)::int AS "checkInMinute",
                          v.staff_id AS "staffId", v.second_staff_id AS "secondStaffId"
                     FROM visit v WHERE v.date BETWEEN ${from}::date AND ${to}::date AND v.date <= current_date AND v.recipient_id IN ${served}`),
    db.execute(sql`SELECT vm.outcome, count(*)::int AS count FROM visit_measure vm JOIN visit v ON v.id = vm.visit_id
                    WHERE v.date BETWEEN ${from}::date AND ${to}::date AND v.recipient_id IN ${served} GROUP BY vm.outcome`),
    db.execute(sql`SELECT c.recipient_id AS "recipientId", c.created_at AS "createdAt",
                          LEAST((SELECT min(mv.changed_at) FROM measure_version mv JOIN measure m ON m.id = mv.measure_id
                                  WHERE m.recipient_id = c.recipient_id AND mv.changed_at > c.created_at),
                                (SELECT min(d.decided_at) FROM shared_decision d WHERE d.recipient_id = c.recipient_id AND d.decided_at > c.created_at)) AS "planUpdatedAt"
                     FROM condition_change c WHERE c.created_at::date BETWEEN ${from}::date AND ${to}::date AND c.recipient_id IN ${served}`),
    db.execute(sql`SELECT sd.recipient_id AS "recipientId", sum(sd.hours_per_week)::float AS "hoursPerWeek"
                     FROM service_decision sd WHERE sd.status = 'active' AND sd.valid_from <= ${to}::date
                      AND (sd.valid_until IS NULL OR sd.valid_until >= ${from}::date) AND sd.recipient_id IN ${served}
                    GROUP BY sd.recipient_id`),
    db.execute(sql`SELECT v.recipient_id AS "recipientId", sum(m.duration_minutes)::float AS minutes
                     FROM visit v JOIN visit_measure vm ON vm.visit_id = v.id JOIN measure m ON m.id = vm.measure_id
                    WHERE v.status = 'done' AND vm.outcome IN ('done', 'changed') AND v.date BETWEEN ${from}::date AND ${to}::date
                      AND v.recipient_id IN ${served} GROUP BY v.recipient_id`),
    db.execute(sql`SELECT r.id, r.primary_contact_staff_id::text AS pc FROM recipient r WHERE r.id IN ${served}`),
  ]);
  const visits: VisitRow[] = rowsOf<Omit<VisitRow, 'staffIds'> & { staffId: string | null; secondStaffId: string | null }>(visitRes).map(
    ({ staffId, secondStaffId, ...v }) => ({ ...v, staffIds: [staffId, secondStaffId].filter((s): s is string => Boolean(s)) }),
  );
  const weeks = Math.max(1, (Date.parse(to) - Date.parse(from)) / (7 * 86_400_000) + 1 / 7);
  const delivered = new Map(rowsOf<{ recipientId: string; minutes: number }>(deliveredRes).map((d) => [d.recipientId, d.minutes / weeks]));
  const flags = rowsOf<{ recipientId: string; createdAt: string; planUpdatedAt: string | null }>(flagRes).map((f) => ({
    recipientId: f.recipientId,
    createdAt: new Date(f.createdAt),
    planUpdatedAt: f.planUpdatedAt ? new Date(f.planUpdatedAt) : null,
  }));
  return {
    team: { id: team.id, name: team.name },
    period: { from, to },
    ability: {
      punctuality: punctuality(visits),
      unstaffedOrCancelled: unstaffedOrCancelled(visits),
      flagToPlanHours: flagToPlanHours(flags),
    },
    integrity: {
      planFidelity: planFidelity(rowsOf(outcomeRes)),
      decisionsDelivered: decisionsDelivered(rowsOf(decisionRes), delivered),
      continuity: continuity(visits, new Map(rowsOf<{ id: string; pc: string | null }>(pcRes).map((p) => [p.id, p.pc]))),
    },
  };
}
