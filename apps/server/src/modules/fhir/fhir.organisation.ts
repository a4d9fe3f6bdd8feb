/**
 * Organisation resources: the municipality, districts and teams (Organization), staff
 * (Practitioner), memberships (PractitionerRole) and teams with today's members (CareTeam).
 * They name employees and teams, never a person served, so any token with the scope reads
 * them, as anyone logged in sees the team pages; limited to the actor's municipality.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { validOn } from '../../time/sql.ts';
import { careTeam, organization, practitioner, practitionerRole } from './fhir.map.ts';
import type { Search } from './fhir.search.ts';

// biome-ignore lint/suspicious/noExplicitAny: rows of row_to_json, shaped by the SQL that selects them
type Row = Record<string, any>;
type Resource = Record<string, unknown> & { resourceType: string; id: string };

/** The actor's municipality: every query below is limited to it. */
const municipalityOf = (actor: Actor) =>
  sql`(SELECT d0.municipality_id FROM district d0 WHERE d0.id = ${actor.districtId})`;

async function rows(db: Db, query: SQL): Promise<Row[]> {
  return rowsOf<{ j: Row }>(await db.execute(query)).map((r) => r.j);
}

const organisations = (actor: Actor) => sql`
  SELECT json_build_object('kind', 'municipality', 'id', m.id, 'name', m.name, 'number', m.number) AS j, m.id, 0 AS level
    FROM municipality m WHERE m.id = ${municipalityOf(actor)}
  UNION ALL
  SELECT json_build_object('kind', 'district', 'id', d.id, 'name', d.name, 'part_of', d.municipality_id), d.id, 1
    FROM district d WHERE d.municipality_id = ${municipalityOf(actor)}
  UNION ALL
  SELECT json_build_object('kind', 'team', 'id', t.id, 'name', t.name, 'part_of', t.district_id, 'phone', t.phone,
         'address_line', t.address_line, 'postal_code', t.postal_code, 'city', t.city), t.id, 2
    FROM team t JOIN district d ON d.id = t.district_id WHERE d.municipality_id = ${municipalityOf(actor)}`;

const staffQuery = (actor: Actor) => sql`SELECT row_to_json(s) AS j, s.id, s.family_name, s.given_name FROM staff s
  JOIN district d ON d.id = s.district_id WHERE d.municipality_id = ${municipalityOf(actor)}`;

const roleQuery = (actor: Actor) => sql`SELECT row_to_json(m)::jsonb || jsonb_build_object('profession', s.profession,
    'today', ${actor.today}::date) AS j, m.id, m.staff_id, m.team_id, m.valid_from
  FROM team_membership m JOIN staff s ON s.id = m.staff_id JOIN district d ON d.id = s.district_id
  WHERE d.municipality_id = ${municipalityOf(actor)}`;

const teamQuery = (actor: Actor) => sql`SELECT json_build_object('id', t.id, 'name', t.name, 'members',
    COALESCE((SELECT json_agg(json_build_object('staff_id', s.id, 'profession', s.profession) ORDER BY s.family_name, s.id)
      FROM team_membership m JOIN staff s ON s.id = m.staff_id WHERE m.team_id = t.id AND ${validOn('m', actor.today)}), '[]'::json)) AS j,
    t.id, t.name
  FROM team t JOIN district d ON d.id = t.district_id WHERE d.municipality_id = ${municipalityOf(actor)}`;

interface OrgSpec {
  read(db: Db, actor: Actor, id: string): Promise<Resource | null>;
  search(db: Db, actor: Actor, s: Search): Promise<Resource[]>;
}

function spec(
  query: (actor: Actor) => SQL,
  order: SQL,
  map: (r: Row) => Record<string, unknown>,
  filter?: (s: Search) => SQL,
): OrgSpec {
  return {
    async read(db, actor, id) {
      const [row] = await rows(db, sql`SELECT x.j FROM (${query(actor)}) x WHERE x.id = ${id}`);
      return row ? (map(row) as Resource) : null;
    },
    async search(db, actor, s) {
      const where = filter?.(s) ?? sql`TRUE`;
      const found = await rows(
        db,
        sql`SELECT x.j FROM (${query(actor)}) x WHERE ${where} ORDER BY ${order} LIMIT ${s.count}`,
      );
      return found.map((r) => map(r) as Resource);
    },
  };
}

export const ORGANISATION = {
  Organization: spec(organisations, sql`x.level, x.id`, organization),
  Practitioner: spec(staffQuery, sql`x.family_name, x.given_name, x.id`, practitioner),
  PractitionerRole: spec(
    roleQuery,
    sql`x.valid_from, x.id`,
    practitionerRole,
    (s) =>
      sql`(${s.practitioner ?? null}::uuid IS NULL OR x.staff_id = ${s.practitioner ?? null}::uuid)
        AND (${s.organization ?? null}::uuid IS NULL OR x.team_id = ${s.organization ?? null}::uuid)`,
  ),
  CareTeam: spec(teamQuery, sql`x.name, x.id`, careTeam),
} satisfies Record<string, OrgSpec>;

export type OrgType = keyof typeof ORGANISATION;
