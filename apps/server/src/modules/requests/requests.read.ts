import type { ServiceDecision, ServiceRequestView } from '@tillit/contracts';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { canListTeamRecipients, factColumnsFor, judgeList } from '../access/index.ts';
import { auditWriterFor } from '../audit/index.ts';
import { RequestRepository } from './requests.repository.ts';

type Row = ServiceRequestView & { teams: unknown; emergency: unknown };

/**
 * One statement for the list and the single request: the request, its person (a registered
 * person's name and numbers from the record), the decision answering it with the day it took
 * effect and the first visit done from its start, and the policy facts of the person.
 */
function requestsSql(userId: string, today: string, where: ReturnType<typeof sql>) {
  const facts = factColumnsFor(userId, today);
  return sql`SELECT sr.id, sr.team_id AS "teamId", sr.requester_kind AS "requesterKind", sr.requester_name AS "requesterName",
      sr.recipient_id AS "recipientId",
      json_build_object('givenName', COALESCE(r.given_name, sr.given_name), 'familyName', COALESCE(r.family_name, sr.family_name),
                        'nationalId', COALESCE(r.national_id, sr.national_id), 'birthDate', COALESCE(r.birth_date, sr.birth_date)) AS person,
      sr.services::text[] AS services, sr.description, to_json(sr.arrived_at) AS "arrivedAt", to_json(sr.registered_at) AS "registeredAt",
      u.display_name AS "registeredBy", sr.late_reason AS "lateReason", sr.version,
      CASE WHEN sd.id IS NULL THEN NULL ELSE json_build_object('id', sd.id, 'serviceType', sd.service_type, 'status', sd.status,
        'inForceOn', d.in_force::text,
        'firstVisitOn', CASE WHEN d.in_force IS NULL THEN NULL ELSE (SELECT min(v.date) FROM visit v WHERE v.recipient_id = sd.recipient_id AND v.status = 'done'
                            AND v.date >= GREATEST(d.in_force, sd.valid_from))::text END) END AS decision,
      ${facts.teams} AS teams, ${facts.emergency} AS emergency
    FROM service_request sr JOIN user_account u ON u.id = sr.registered_by
    LEFT JOIN recipient r ON r.id = sr.recipient_id
    LEFT JOIN service_decision sd ON sd.id = sr.decision_id
    LEFT JOIN LATERAL (SELECT CASE WHEN sd.status = 'awaiting_cosign' THEN NULL
                                   ELSE COALESCE(sd.cosigned_at, sd.decided_at)::date END AS in_force) d ON true
    WHERE ${where}`;
}

const parse = <T>(v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
const view = ({ teams: _t, emergency: _e, ...r }: Row): ServiceRequestView => ({
  ...r,
  person: parse(r.person),
  decision: parse(r.decision),
  services: parse(r.services),
  version: Number(r.version),
});

/**
 * Reading requests: the receiving team's members only. Rows naming a registered person are judged
 * through the record policy (judgeList; one the member may no longer see is left out); rows about
 * someone not yet registered are the team's, logged as a team-level read naming the requests.
 */
export class RequestReader extends RequestRepository {
  private async judged(rows: Row[], action: string, details: Record<string, unknown>) {
    const about = rows.filter((r): r is Row & { recipientId: string } => r.recipientId !== null);
    const judged = await judgeList(this.db, this.actor, action, about, details);
    const withheld = new Set(judged.filter((j) => !j.decision.allow).map((j) => j.row.id));
    const unregistered = rows.filter((r) => r.recipientId === null).map((r) => r.id);
    if (unregistered.length)
      await auditWriterFor(this.db).append({
        at: new Date(),
        actorUserId: this.actor.userId,
        actorName: this.actor.displayName,
        action,
        recipientId: null,
        basis: 'team_level',
        emergencyAccessId: null,
        details: { ...details, requests: unregistered },
      });
    return rows.filter((r) => !withheld.has(r.id));
  }

  /** The team's open (no decision in force yet) or answered requests, oldest open first. */
  async list(teamId: string, state: 'open' | 'answered') {
    if (!canListTeamRecipients(this.actor, teamId)) throw await this.deny('service_request.list', null, { teamId });
    const which =
      state === 'open'
        ? sql`(sd.id IS NULL OR sd.status = 'awaiting_cosign') ORDER BY sr.arrived_at ASC`
        : sql`sd.id IS NOT NULL AND sd.status <> 'awaiting_cosign' ORDER BY sr.arrived_at DESC`;
    const rows = rowsOf<Row>(
      await this.db.execute(
        requestsSql(this.actor.userId, this.actor.today, sql`sr.team_id = ${teamId} AND ${which} LIMIT 200`),
      ),
    );
    return { requests: (await this.judged(rows, 'service_request.list', { teamId })).map(view) };
  }

  /** One request and the decisions that could answer it (the person's, by the receiving team). */
  async get(id: string) {
    const [row] = rowsOf<Row>(
      await this.db.execute(requestsSql(this.actor.userId, this.actor.today, sql`sr.id = ${id}`)),
    );
    if (!row) throw notFound('Request');
    if (!canListTeamRecipients(this.actor, row.teamId))
      throw await this.deny('service_request.read', row.recipientId, { requestId: id });
    const [shown] = await this.judged([row], 'service_request.read', { requestId: id });
    if (!shown) throw forbidden('no_record_access', 'You may no longer see this person’s record');
    return { request: view(row), candidates: await this.candidates(row) };
  }

  /** Decisions by the receiving team about the request's person, judged like the request itself. */
  private async candidates(req: Row): Promise<ServiceDecision[]> {
    const facts = factColumnsFor(this.actor.userId, this.actor.today);
    const who = req.recipientId
      ? sql`r.id = ${req.recipientId}`
      : req.person.nationalId
        ? sql`r.national_id = ${req.person.nationalId}`
        : sql`r.birth_date = ${req.person.birthDate}::date AND r.family_name = ${req.person.familyName}`;
    const rows = rowsOf<ServiceDecision & { recipientId: string; teams: unknown; emergency: unknown }>(
      await this.db.execute(sql`SELECT sd.id, sd.recipient_id AS "recipientId", sd.service_type AS "serviceType",
          sd.hours_per_week::float AS "hoursPerWeek", sd.valid_from::text AS "validFrom", sd.valid_until::text AS "validUntil",
          sd.status, sd.within_frame AS "withinFrame", u.display_name AS "decidedBy", ${facts.teams} AS teams, ${facts.emergency} AS emergency
        FROM service_decision sd JOIN recipient r ON r.id = sd.recipient_id JOIN user_account u ON u.id = sd.decided_by
        WHERE sd.team_id = ${req.teamId} AND sd.status <> 'superseded' AND ${who}
        ORDER BY sd.decided_at DESC LIMIT 20`),
    );
    if (rows.length === 0) return [];
    const judged = await judgeList(this.db, this.actor, 'service_request.candidates', rows, { requestId: req.id });
    return judged
      .filter((j) => j.decision.allow)
      .map(({ row: { teams: _t, emergency: _e, recipientId: _r, ...d } }) => d as ServiceDecision);
  }
}
