/**
 * The KPR data set's queries: set-based, one statement per kind of row for the whole district
 * and period (people, services, assessments, decisions awaiting a signature), never one per
 * person. They read other modules' published tables only (recipients, organisation, decisions,
 * assessment read models).
 */
import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, rowsOf } from '../../db/client.ts';
import { validDuring } from '../../time/sql.ts';
import type { AssessmentRow, PersonRow, ServiceRow } from './statistics.rules.ts';

export interface Scope {
  districtId: string;
  from: string;
  to: string;
}

/** The people the district's teams served on some day of the period (their care relation). */
const people = (s: Scope): SQL => sql`SELECT DISTINCT rt.recipient_id FROM recipient_team rt
  JOIN team t ON t.id = rt.team_id
 WHERE t.district_id = ${s.districtId} AND ${validDuring('rt', s.from, s.to)}`;

/** Each person once, with the team that served them last in the period (the validation list names it). */
export async function loadPeople(db: DbOrTx, s: Scope) {
  return rowsOf<PersonRow>(
    await db.execute(sql`SELECT DISTINCT ON (r.id) r.id, r.given_name AS "givenName", r.family_name AS "familyName",
           r.national_id AS "nationalId", r.birth_date::text AS "birthDate", t.name AS team
      FROM recipient_team rt JOIN team t ON t.id = rt.team_id JOIN recipient r ON r.id = rt.recipient_id
     WHERE t.district_id = ${s.districtId} AND ${validDuring('rt', s.from, s.to)}
     ORDER BY r.id, rt.valid_from DESC`),
  );
}

/**
 * The services in force in the period. A decision that took effect (active, or superseded since)
 * is in force from its first day until its own last day or the day before the next decision of
 * the same service took over (superseding does not shorten `valid_until`), whichever comes first;
 * one replaced on its first day never was in force. Decisions awaiting a co-signature are not.
 */
export async function loadServices(db: DbOrTx, s: Scope) {
  return rowsOf<ServiceRow>(
    await db.execute(sql`WITH decided AS (
      SELECT sd.recipient_id, sd.service_type, sd.valid_from, sd.valid_until, sd.hours_per_week,
             COALESCE(sd.cosigned_at, sd.decided_at) AS in_force_at,
             LEAD(sd.valid_from) OVER (PARTITION BY sd.recipient_id, sd.service_type
                                           ORDER BY sd.valid_from, COALESCE(sd.cosigned_at, sd.decided_at)) AS next_from
        FROM service_decision sd
       WHERE sd.status IN ('active', 'superseded') AND sd.recipient_id IN (${people(s)})
    ), spans AS (
      SELECT *, LEAST(valid_until, next_from - 1) AS until FROM decided
       WHERE next_from IS NULL OR next_from > valid_from
    )
    SELECT recipient_id AS "recipientId", service_type AS "serviceType",
           (in_force_at AT TIME ZONE 'Europe/Oslo')::date::text AS "decidedOn", valid_from::text AS "validFrom",
           until::text AS "inForceUntil", hours_per_week::float AS "hoursPerWeek"
      FROM spans
     WHERE valid_from <= ${s.to}::date AND (until IS NULL OR until >= ${s.from}::date)
     ORDER BY recipient_id, valid_from, service_type`),
  );
}

/** The assessment in force at the end of the period: each person's latest made on or before its last day. */
export async function loadAssessments(db: DbOrTx, s: Scope) {
  return rowsOf<AssessmentRow>(
    await db.execute(sql`SELECT l.recipient_id AS "recipientId", l.assessed_on::text AS "assessedOn",
           (SELECT json_object_agg(sc.item, sc.score) FROM functional_assessment_score sc
             WHERE sc.assessment_id = l.id) AS items
      FROM (SELECT DISTINCT ON (fa.recipient_id) fa.recipient_id, fa.id, fa.assessed_on
              FROM functional_assessment fa
             WHERE fa.recipient_id IN (${people(s)}) AND fa.assessed_on <= ${s.to}::date
             ORDER BY fa.recipient_id, fa.assessed_on DESC, fa.created_at DESC) l`),
  );
}

/** People with a decision waiting for a co-signature in the period (not reported until signed). */
export async function loadAwaitingCosign(db: DbOrTx, s: Scope) {
  const rows = rowsOf<{ recipientId: string }>(
    await db.execute(sql`SELECT DISTINCT sd.recipient_id AS "recipientId" FROM service_decision sd
     WHERE sd.status = 'awaiting_cosign' AND sd.recipient_id IN (${people(s)})
       AND ${validDuring('sd', s.from, s.to)}`),
  );
  return new Set(rows.map((r) => r.recipientId));
}
