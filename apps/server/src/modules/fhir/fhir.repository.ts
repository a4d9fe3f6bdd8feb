/**
 * FHIR reads bound to the actor (the token's user). A person's resources go through the record
 * policy exactly as the app's reads do: one person at a time through `readWithAccess` (its audit
 * row, `denied` on refusal), a search naming several people through `judgeList`. Organisation
 * resources (Practitioner, Organization, …) hold no one's health data and are open to any token
 * with the scope, as the team pages are to anyone logged in.
 */
import { and, desc, gte, lt, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, badInput, forbidden, notFound } from '../../http/errors.ts';
import { canFollowUpAudit, factColumnsFor, judgeList, readWithAccess } from '../access/index.ts';
import { appendAudit } from '../audit/index.ts';
import { auditLog } from '../audit/audit.readmodel.ts';
import { DNR_SYSTEM, FNR_SYSTEM, identifierSystem, patient } from './fhir.map.ts';
import { LOINC, OBSERVATION_CODES } from './fhir.map.clinical.ts';
import { auditEvent } from './fhir.map.meds.ts';
import { ORGANISATION, type OrgType } from './fhir.organisation.ts';
import { PERSONAL } from './fhir.queries.ts';
import { isUuid, type Search } from './fhir.search.ts';

export type Resource = Record<string, unknown> & { resourceType: string; id: string };

/** Our observation kind for a `code` token (LOINC, or our own kind system); '-' matches nothing. */
function kindOf(token: Search['token']): string | null {
  if (!token) return null;
  for (const [kind, c] of Object.entries(OBSERVATION_CODES)) {
    const loinc = c.code === token.value && (!token.system || token.system === LOINC);
    const own = kind === token.value && (!token.system || token.system === 'urn:tillit:observation-kind');
    if (loinc || own) return kind;
  }
  return '-';
}

export class FhirRepository {
  constructor(
    private readonly db: Db,
    private readonly actor: Actor,
  ) {}

  /** The person a resource is about, or 404 (an unknown id tells nothing about anyone). */
  private async recipientOf(type: string, id: string): Promise<string> {
    const table = PERSONAL[type].table;
    if (!isUuid(id)) throw notFound(type);
    if (!table) return id;
    const [row] = rowsOf<{ recipientId: string }>(
      await this.db.execute(sql`SELECT recipient_id AS "recipientId" FROM ${sql.identifier(table)} WHERE id = ${id}`),
    );
    if (!row) throw notFound(type);
    return row.recipientId;
  }

  async read(type: string, id: string): Promise<Resource> {
    if (type in ORGANISATION) return this.readOrganisation(type as OrgType, id);
    if (type === 'AuditEvent') throw new AppError(405, 'not_supported', 'AuditEvent is searched by patient');
    const spec = PERSONAL[type];
    const recipientId = await this.recipientOf(type, id);
    const { row } = await readWithAccess(
      this.db,
      this.actor,
      recipientId,
      `fhir.${type}.read`,
      `fhir_${type}_read`,
      {
        data: spec.one,
      },
      { id },
    );
    if (!row.data) throw notFound(type);
    return spec.map(row.data as Record<string, unknown>) as Resource;
  }

  async search(type: string, s: Search): Promise<Resource[]> {
    if (type in ORGANISATION) return ORGANISATION[type as OrgType].search(this.db, this.actor, s);
    if (type === 'AuditEvent') return this.auditEvents(s);
    if (type === 'Patient' && !s.patient) return this.patients(s);
    if (!s.patient)
      throw badInput([
        {
          field: 'patient',
          code: 'required',
          message: `A search for ${type} names the patient (patient=Patient/<id>)`,
        },
      ]);
    const spec = PERSONAL[type];
    const params = {
      from: s.from?.toISOString() ?? null,
      to: s.to?.toISOString() ?? null,
      code: kindOf(s.token),
      count: s.count,
    };
    const { row } = await readWithAccess(
      this.db,
      this.actor,
      s.patient,
      `fhir.${type}.search`,
      `fhir_${type}_search`,
      {
        data: spec.many,
      },
      params,
    );
    const rows = (row.data ?? []) as Record<string, unknown>[];
    return rows.slice(0, s.count).map((r) => spec.map(r) as Resource);
  }

  /**
   * Patients by identifier (fødselsnummer or D-nummer), or all the actor may see. Judged row by
   * row: someone found but not served by the actor's team is withheld and the refusal logged.
   */
  private async patients(s: Search): Promise<Resource[]> {
    const facts = factColumnsFor(this.actor.userId, this.actor.today);
    const token = s.token;
    if (token?.system && token.system !== FNR_SYSTEM && token.system !== DNR_SYSTEM) return [];
    const where = token
      ? sql`r.national_id = ${token.value}`
      : sql`x.teams && ${`{${this.actor.teamIds.join(',')}}`}::text[] OR x.emergency IS NOT NULL`;
    const rows = rowsOf<{ recipientId: string; teams: unknown; emergency: unknown; data: Record<string, unknown> }>(
      await this.db.execute(sql`SELECT * FROM (
        SELECT r.id AS "recipientId", ${facts.teams} AS teams, ${facts.emergency} AS emergency, row_to_json(r) AS data
          FROM recipient r ${token ? sql`WHERE ${where}` : sql``}) x
        ${token ? sql`` : sql`WHERE ${where}`} ORDER BY x.data->>'family_name', x."recipientId" LIMIT ${s.count}`),
    );
    const judged = await judgeList(this.db, this.actor, 'fhir.Patient.search', rows);
    return judged
      .filter((j) => j.decision.allow)
      .map((j) => patient(j.row.data) as Resource)
      .filter(
        (p) =>
          !token?.system || identifierSystem(String((p.identifier as { value: string }[])[0].value)) === token.system,
      );
  }

  /** Audit rows about a person: administrators only (`canFollowUpAudit`), and the look itself is logged. */
  private async auditEvents(s: Search): Promise<Resource[]> {
    if (!s.patient)
      throw badInput([{ field: 'patient', code: 'required', message: 'A search for AuditEvent names the patient' }]);
    if (!canFollowUpAudit(this.actor)) throw forbidden('admin_only', 'Only administrators see the audit log');
    // The same rows as the administrators' log for a person (audit.reader.ts): about them, or lists naming them.
    const rows = await this.db
      .select()
      .from(auditLog)
      .where(
        and(
          sql`(${auditLog.recipientId} = ${s.patient} OR ${auditLog.details} -> 'recipients' ? ${s.patient})`,
          s.from ? gte(auditLog.at, s.from) : undefined,
          s.to ? lt(auditLog.at, s.to) : undefined,
        ),
      )
      .orderBy(desc(auditLog.seq))
      .limit(s.count);
    await appendAudit(this.db, {
      at: new Date(),
      actorUserId: this.actor.userId,
      actorName: this.actor.displayName,
      action: 'fhir.AuditEvent.search',
      recipientId: s.patient,
      basis: 'admin',
      emergencyAccessId: null,
      details: { rows: rows.length },
    });
    return rows
      .filter((a) => (!s.from || a.at >= s.from) && (!s.to || a.at < s.to))
      .map(
        (a) =>
          auditEvent({
            seq: a.seq,
            action: a.action,
            at: a.at,
            basis: a.basis,
            actor_user_id: a.actorUserId,
            actor_name: a.actorName,
            recipient_id: a.recipientId ?? s.patient,
          }) as Resource,
      );
  }

  private async readOrganisation(type: OrgType, id: string): Promise<Resource> {
    if (!isUuid(id)) throw notFound(type);
    const found = await ORGANISATION[type].read(this.db, this.actor, id);
    if (!found) throw notFound(type);
    return found;
  }
}
