/**
 * Changes to a published plan, shown to the helper they affect in «Min dag» until seen.
 * A helper sees only their own changes. The list names people, so it reads through the record
 * policy like the day list (list.access.ts): the person's name is given only where the helper
 * may see them now (a notice that a visit was taken away after the person moved to another
 * team keeps its time but not the name), and the audit rows say so.
 */
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { factColumnsFor } from '../access/index.ts';
import { judgeList } from '../access/index.ts';

export async function myChanges(db: Db, actor: Actor) {
  if (!actor.staffId) return [];
  const facts = factColumnsFor(actor.userId, actor.today);
  const rows = rowsOf<{
    id: string;
    recipientId: string;
    teams: unknown;
    emergency: unknown;
    kind: 'added' | 'removed' | 'retimed';
    date: string;
    plannedStart: number | null;
    windowStart: number;
    windowEnd: number;
    person: string;
    createdAt: string;
  }>(
    await db.execute(sql`SELECT c.id, v.recipient_id AS "recipientId", ${facts.teams} AS teams, ${facts.emergency} AS emergency,
                                c.kind, c.date::text AS date, c.planned_start AS "plannedStart",
                                v.window_start AS "windowStart", v.window_end AS "windowEnd",
                                r.given_name || ' ' || r.family_name AS person, c.created_at AS "createdAt"
                           FROM plan_change c JOIN visit v ON v.id = c.visit_id JOIN recipient r ON r.id = v.recipient_id
                          WHERE c.staff_id = ${actor.staffId} AND c.seen_at IS NULL AND c.date >= ${actor.today}::date
                          ORDER BY c.date, v.window_start`),
  );
  const judged = await judgeList(db, actor, 'planning.myChanges', rows);
  return judged.map(({ row: { recipientId: _r, teams: _t, emergency: _e, person, ...rest }, decision }) => ({
    ...rest,
    person: decision.allow ? person : null,
  }));
}

/** Marks the changes the helper was shown as seen (not ones that arrived after the page loaded). */
export async function markChangesSeen(db: Db, actor: Actor, ids: string[]) {
  if (!actor.staffId || ids.length === 0) return { seen: 0 };
  const res = await db.execute(sql`UPDATE plan_change SET seen_at = now()
                                    WHERE staff_id = ${actor.staffId} AND seen_at IS NULL AND id = ANY(${`{${ids.join(',')}}`}::uuid[]) RETURNING id`);
  return { seen: res.rows.length };
}
