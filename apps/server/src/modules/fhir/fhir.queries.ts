/**
 * The SQL behind each resource about a person, selected next to `recipient r` by readWithAccess
 * (one statement: the policy's facts and the data together). Placeholders: `id` for a read;
 * `from`, `to` (instants, NULL = open), `code` (text, NULL = any) and `count` for a search.
 * Each is static, so readWithAccess prepares it once per database under the resource's name.
 */
import { type SQL, sql } from 'drizzle-orm';
import * as map from './fhir.map.clinical.ts';
import { patient } from './fhir.map.ts';
import { medicationAdministration, medicationStatement } from './fhir.map.meds.ts';

const id = sql`${sql.placeholder('id')}::uuid`;
const from = sql`${sql.placeholder('from')}::timestamptz`;
const to = sql`${sql.placeholder('to')}::timestamptz`;
const count = sql`${sql.placeholder('count')}::int`;
const code = sql`${sql.placeholder('code')}::text`;
const today = sql`${sql.placeholder('today')}::date`;
const inPeriod = (at: SQL) => sql`(${from} IS NULL OR ${at} >= ${from}) AND (${to} IS NULL OR ${at} < ${to})`;
const list = (select: SQL) => sql`(SELECT COALESCE(json_agg(x.j), '[]'::json) FROM (${select}) x)`;

export interface PersonalType {
  /** The table whose `id` is the resource's id and whose `recipient_id` names the person (null: the person's own id). */
  table: string | null;
  one: SQL;
  many: SQL;
  // biome-ignore lint/suspicious/noExplicitAny: rows of row_to_json, shaped by the SQL beside them
  map: (row: Record<string, any>) => Record<string, unknown>;
}

const goalJson = sql`row_to_json(g)::jsonb || jsonb_build_object('what_matters', w.statement)`;
const goalFrom = sql`FROM goal g LEFT JOIN what_matters w ON w.id = g.what_matters_id`;
const visitStart = sql`((v.date::timestamp + make_interval(mins => COALESCE(v.planned_start, v.window_start))) AT TIME ZONE 'Europe/Oslo')`;
const doseJson = sql`row_to_json(d)::jsonb || jsonb_build_object('drug_name', m.drug_name, 'strength', m.strength,
                     'atc_code', m.atc_code, 'dose', m.dose, 'route', m.route)`;
const doseFrom = sql`FROM dose_administration d JOIN medication m ON m.id = d.medication_id`;
const planJson = sql`json_build_object('id', r.id, 'measures', COALESCE((SELECT json_agg(row_to_json(m) ORDER BY m.title)
                     FROM measure m WHERE m.recipient_id = r.id AND m.status <> 'ended'), '[]'::json))`;

export const PERSONAL: Record<string, PersonalType> = {
  Patient: {
    table: null,
    one: sql`(SELECT row_to_json(x) FROM recipient x WHERE x.id = r.id)`,
    many: sql`(SELECT json_build_array(row_to_json(x)) FROM recipient x WHERE x.id = r.id)`,
    map: patient,
  },
  Observation: {
    table: 'observation',
    one: sql`(SELECT row_to_json(o) FROM observation o WHERE o.id = ${id} AND o.recipient_id = r.id)`,
    many: list(sql`SELECT row_to_json(o) AS j FROM observation o WHERE o.recipient_id = r.id
      AND ${inPeriod(sql`o.recorded_at`)} AND (${code} IS NULL OR o.kind::text = ${code})
      ORDER BY o.recorded_at DESC, o.id LIMIT ${count}`),
    map: map.observation,
  },
  Encounter: {
    table: 'visit',
    one: sql`(SELECT row_to_json(v) FROM visit v WHERE v.id = ${id} AND v.recipient_id = r.id)`,
    many: list(sql`SELECT row_to_json(v) AS j FROM visit v WHERE v.recipient_id = r.id AND ${inPeriod(visitStart)}
      ORDER BY v.date DESC, v.window_start DESC, v.id LIMIT ${count}`),
    map: map.encounter,
  },
  Goal: {
    table: 'goal',
    one: sql`(SELECT ${goalJson} ${goalFrom} WHERE g.id = ${id} AND g.recipient_id = r.id)`,
    many: list(
      sql`SELECT ${goalJson} AS j ${goalFrom} WHERE g.recipient_id = r.id ORDER BY g.created_at, g.id LIMIT ${count}`,
    ),
    map: map.goal,
  },
  CarePlan: {
    table: null,
    one: planJson,
    many: sql`json_build_array(${planJson})`,
    map: map.carePlan,
  },
  MedicationStatement: {
    table: 'medication',
    one: sql`(SELECT row_to_json(m)::jsonb || jsonb_build_object('today', ${today}) FROM medication m
               WHERE m.id = ${id} AND m.recipient_id = r.id)`,
    many: list(sql`SELECT row_to_json(m)::jsonb || jsonb_build_object('today', ${today}) AS j FROM medication m
      WHERE m.recipient_id = r.id ORDER BY m.valid_from DESC, m.drug_name, m.id LIMIT ${count}`),
    map: medicationStatement,
  },
  MedicationAdministration: {
    table: 'dose_administration',
    one: sql`(SELECT ${doseJson} ${doseFrom} WHERE d.id = ${id} AND d.recipient_id = r.id)`,
    many: list(sql`SELECT ${doseJson} AS j ${doseFrom} WHERE d.recipient_id = r.id AND ${inPeriod(sql`d.recorded_at`)}
      ORDER BY d.recorded_at DESC, d.id LIMIT ${count}`),
    map: medicationAdministration,
  },
};
