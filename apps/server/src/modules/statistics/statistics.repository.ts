import { randomUUID } from 'node:crypto';
import { type KprExport, type KprPerson, type KprProblem, kprCsv } from '@tillit/contracts';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { refusal } from '../access/index.ts';
import { auditWriterFor } from '../audit/index.ts';
import { districts, municipalities } from '../organisation/organisation.readmodel.ts';
import { loadAssessments, loadAwaitingCosign, loadPeople, loadServices, type Scope } from './statistics.queries.ts';
import { type ServiceRow, toKprPerson, validatePerson } from './statistics.rules.ts';

const ACTION = 'statistics.kpr.export';

/** The data set and its validation for a district and period, without access checks or audit. */
export async function buildKprDataset(db: Db, scope: Scope, municipalityNumber: string) {
  // One snapshot: the four queries see the same record.
  const [people, services, assessments, awaiting] = await db.transaction(
    async (tx) =>
      [
        await loadPeople(tx, scope),
        await loadServices(tx, scope),
        await loadAssessments(tx, scope),
        await loadAwaitingCosign(tx, scope),
      ] as const,
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  const servicesOf = new Map<string, ServiceRow[]>();
  for (const s of services) servicesOf.set(s.recipientId, [...(servicesOf.get(s.recipientId) ?? []), s]);
  const assessmentOf = new Map(assessments.map((a) => [a.recipientId, a]));
  const persons: KprPerson[] = [];
  const validation: KprProblem[] = [];
  // The register's order: by national identity number.
  for (const p of [...people].sort((a, b) => a.nationalId.localeCompare(b.nationalId))) {
    const kpr = toKprPerson(p, municipalityNumber, servicesOf.get(p.id) ?? [], assessmentOf.get(p.id));
    persons.push(kpr);
    validation.push(...validatePerson(p, kpr, { to: scope.to, awaitingCosign: awaiting.has(p.id) }));
  }
  return { persons, validation, recipientIds: people.map((p) => p.id) };
}

/**
 * Reporting to KPR, bound to the actor: leaders of the district and administrators. The export
 * is personal data leaving the record, so each person in it gets an audit row (their access log
 * shows it), beside one row naming the export and its count; all committed before it is answered.
 */
export class StatisticsRepository {
  constructor(
    private readonly db: Db,
    private readonly actor: Actor,
  ) {}

  /** The districts the actor may report for: a leader's own, every district for an administrator. */
  async districts() {
    if (this.actor.role !== 'leader' && this.actor.role !== 'admin')
      throw await refusal(
        this.db,
        this.actor,
        ACTION,
        forbidden('leaders_only', 'Reporting to KPR is for the district’s leaders'),
      );
    const own = this.actor.role === 'leader' ? eq(districts.id, this.actor.districtId ?? randomUUID()) : undefined;
    return this.db
      .select({ id: districts.id, name: districts.name, municipalityNumber: municipalities.number })
      .from(districts)
      .innerJoin(municipalities, eq(municipalities.id, districts.municipalityId))
      .where(own)
      .orderBy(asc(districts.name));
  }

  private async district(districtId: string) {
    const refuse = (code: string) =>
      refusal(this.db, this.actor, ACTION, forbidden(code, 'Reporting to KPR is for the district’s leaders'), {
        districtId,
      });
    if (this.actor.role !== 'leader' && this.actor.role !== 'admin') throw await refuse('leaders_only');
    const [d] = await this.db
      .select({ id: districts.id, name: districts.name, municipalityNumber: municipalities.number })
      .from(districts)
      .innerJoin(municipalities, eq(municipalities.id, districts.municipalityId))
      .where(eq(districts.id, districtId));
    if (!d) throw notFound('District');
    if (this.actor.role === 'leader' && this.actor.districtId !== districtId) throw await refuse('not_your_district');
    return d;
  }

  async kprExport(districtId: string, from: string, to: string, format: 'json' | 'csv'): Promise<KprExport> {
    const district = await this.district(districtId);
    const { persons, validation, recipientIds } = await buildKprDataset(
      this.db,
      { districtId, from, to },
      district.municipalityNumber,
    );
    const exportId = randomUUID();
    const services = persons.reduce((n, p) => n + p.services.length, 0);
    const rows = persons.reduce((n, p) => n + Math.max(1, p.services.length), 0);
    await this.audit(exportId, recipientIds, { districtId, from, to, format, persons: persons.length, rows });
    return {
      exportId,
      district,
      from,
      to,
      generatedAt: this.actor.now.toISOString(),
      persons,
      validation,
      counts: {
        persons: persons.length,
        services,
        rows,
        errors: validation.filter((v) => v.severity === 'error').length,
        warnings: validation.filter((v) => v.severity === 'warning').length,
      },
    };
  }

  async kprCsv(districtId: string, from: string, to: string) {
    return kprCsv((await this.kprExport(districtId, from, to, 'csv')).persons);
  }

  private async audit(exportId: string, recipientIds: string[], details: Record<string, unknown>) {
    const writer = auditWriterFor(this.db);
    const entry = (recipientId: string | null, d: Record<string, unknown>) =>
      writer.append({
        at: this.actor.now,
        actorUserId: this.actor.userId,
        actorName: this.actor.displayName,
        action: ACTION,
        recipientId,
        basis: this.actor.role === 'admin' ? 'admin' : 'team_level',
        emergencyAccessId: null,
        details: d,
      });
    await Promise.all([
      entry(null, { exportId, ...details }),
      ...recipientIds.map((id) => entry(id, { exportId, register: 'KPR', from: details.from, to: details.to })),
    ]);
  }
}
