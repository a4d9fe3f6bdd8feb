/**
 * Changes to a published plan, shown to the helper they affect in «Min dag» until seen.
 * A helper sees only their own changes.
 */
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';

export async function myChanges(db: Db, actor: Actor) {
  if (!actor.staffId) return [];
  return rowsOf<{ id: string; kind: string; date: string; plannedStart: number | null; windowStart: number; windowEnd: number; person: string; createdAt: string }>(
    await db.execute(sql`SELECT c.id, c.kind, c.date::text AS date, c.planned_start AS "plannedStart", v.window_start AS "windowStart", v.window_end AS "windowEnd",
                                r.given_name || ' ' || r.family_name AS person, c.created_at AS "createdAt"
                           FROM plan_change c JOIN visit v ON v.id = c.visit_id JOIN recipient r ON r.id = v.recipient_id
                          WHERE c.staff_id = ${actor.staffId} AND c.seen_at IS NULL AND c.date >= current_date
                          ORDER BY c.date, v.window_start`),
  );
}

export async function markChangesSeen(db: Db, actor: Actor) {
  if (!actor.staffId) return { seen: 0 };
  const res = await db.execute(sql`UPDATE plan_change SET seen_at = now() WHERE staff_id = ${actor.staffId} AND seen_at IS NULL RETURNING id`);
  return { seen: res.rows.length };
}
