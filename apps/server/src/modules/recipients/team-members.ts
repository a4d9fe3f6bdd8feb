import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { validOn } from '../../time/sql.ts';

/**
 * «Who in the team does what» on a record: the members of the teams serving the person on
 * `day` (the actor's Oslo date), with their profession and competences valid that day, as a
 * JSON array. `teams` selects the team ids.
 */
export const teamMembersOf = (teams: SQL, day: SQL) => sql`COALESCE((SELECT json_agg(json_build_object(
      'staffId', s.id, 'name', s.given_name || ' ' || s.family_name, 'profession', s.profession,
      'competences', COALESCE((SELECT json_agg(c.competence_code ORDER BY c.competence_code)
                                 FROM staff_competence c WHERE c.staff_id = s.id AND ${validOn('c', day)}), '[]'::json))
      ORDER BY s.profession, s.given_name)
      FROM team_membership m JOIN staff s ON s.id = m.staff_id
     WHERE m.team_id IN (${teams}) AND ${validOn('m', day)}),
    '[]'::json)`;

/**
 * How long a team's member list is reused by record reads: the same as the session cache, so
 * a change of membership or competence shows on every server within a few seconds.
 */
const TTL_MS = 5000;

type Statement = { execute(params: { teamIds: string; today: string }): Promise<{ members: string }[]> };
const caches = new WeakMap<
  Db,
  { statement: Statement; lists: Map<string, { until: number; json: Promise<string> }> }
>();

/**
 * The member list of the given teams on `today` as JSON text. The list is the same for every
 * record a team serves and made up two thirds of a record read's database time, so reads
 * share it for a few seconds (one query per team, day and server every 5 s, not one per read).
 */
export function teamMembersJson(db: Db, teamIds: string[], today: string): Promise<string> {
  let cache = caches.get(db);
  if (!cache) {
    const statement = db
      .select({
        members: sql<string>`(${teamMembersOf(
          sql`SELECT unnest(string_to_array(${sql.placeholder('teamIds')}, ',')::uuid[])`,
          sql`${sql.placeholder('today')}::date`,
        )})::text`,
      })
      .from(sql`(SELECT 1) AS one`)
      .prepare('record_team_members') as unknown as Statement;
    cache = { statement, lists: new Map() };
    caches.set(db, cache);
  }
  const teams = [...teamIds].sort().join(',');
  if (teams === '') return Promise.resolve('[]');
  const key = `${today} ${teams}`;
  const now = Date.now();
  const hit = cache.lists.get(key);
  if (hit && hit.until > now) return hit.json;
  if (cache.lists.size > 1000) cache.lists.clear();
  const json = cache.statement.execute({ teamIds: teams, today }).then((rows) => rows[0].members);
  const entry = { until: now + TTL_MS, json };
  cache.lists.set(key, entry);
  // A failed query is not kept: the next read asks again.
  json.catch(() => cache.lists.get(key) === entry && cache.lists.delete(key));
  return json;
}
