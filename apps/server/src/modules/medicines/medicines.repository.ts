import type { MedicationPatch, PrescribeInput, ReconcileInput } from '@tillit/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { badInput, conflict, notFound } from '../../http/errors.ts';
import { readWithAccess, withRecordAccess } from '../access/index.ts';
import { medicationReconciliations, medications, medicationVersions } from './medicines.tables.ts';
import { prefixesOf, prefixList } from './medicines.sql.ts';
import { isHighRisk } from './medicines.rules.ts';

type Medication = typeof medications.$inferSelect;
type Source = (typeof medicationVersions.$inferInsert)['source'];

const snapshot = (m: Medication) => {
  const { updatedAt: _u, ...rest } = m;
  return rest;
};

/** The medication list as the list page and the chart show it, read with the person's record. */
const listColumn = sql`(SELECT json_build_object(
  'medications', COALESCE((SELECT json_agg(json_build_object('id', m.id, 'drugName', m.drug_name, 'form', m.form, 'strength', m.strength,
      'dose', m.dose, 'times', m.times, 'route', m.route, 'indication', m.indication, 'prescriber', m.prescriber,
      'startDate', m.valid_from, 'stopDate', m.valid_until, 'asNeeded', m.as_needed, 'maxPer24h', m.max_per_24h,
      'dispensing', m.dispensing, 'atcCode', m.atc_code, 'highRisk', m.high_risk, 'version', m.version,
      'history', (SELECT json_agg(json_build_object('version', mv.version, 'source', mv.source, 'sourceNote', mv.source_note,
                    'reason', mv.reason, 'changedAt', mv.changed_at, 'changedBy', (SELECT u.display_name FROM user_account u WHERE u.id = mv.changed_by))
                    ORDER BY mv.version DESC) FROM medication_version mv WHERE mv.medication_id = m.id))
      ORDER BY m.drug_name) FROM medication m WHERE m.recipient_id = r.id), '[]'::json),
  'reconciliations', COALESCE((SELECT json_agg(json_build_object('id', x.id, 'source', x.source, 'sourceNote', x.source_note,
      'confirmedAt', x.confirmed_at, 'confirmedBy', (SELECT u.display_name FROM user_account u WHERE u.id = x.confirmed_by))
      ORDER BY x.confirmed_at DESC) FROM medication_reconciliation x WHERE x.recipient_id = r.id), '[]'::json),
  'fills', COALESCE((SELECT json_agg(json_build_object('id', f.id, 'periodFrom', f.period_from, 'periodTo', f.period_to,
      'filledBy', (SELECT u.display_name FROM user_account u WHERE u.id = f.filled_by), 'filledAt', f.filled_at,
      'checkedBy', (SELECT u.display_name FROM user_account u WHERE u.id = f.checked_by), 'checkedAt', f.checked_at)
      ORDER BY f.period_from DESC) FROM pill_organiser_fill f WHERE f.recipient_id = r.id), '[]'::json),
  'person', json_build_object('givenName', r.given_name, 'familyName', r.family_name, 'birthDate', r.birth_date),
  'prefixes', ${prefixesOf(sql`r.id`)}))`;

export interface MedicationView {
  id: string;
  drugName: string;
  atcCode: string | null;
  highRisk: boolean;
  stopDate: string | null;
  startDate: string;
  [field: string]: unknown;
}
export interface MedicationList {
  medications: MedicationView[];
  reconciliations: unknown[];
  fills: unknown[];
  person: { givenName: string; familyName: string; birthDate: string };
}

/** The person's medication list: read, prescribed, changed and reconciled, bound to the actor. */
export class MedicineRepository {
  constructor(
    private readonly db: Db,
    private readonly actor: Actor,
  ) {}

  private async recipientOf(medicationId: string) {
    const [m] = await this.db
      .select({ recipientId: medications.recipientId })
      .from(medications)
      .where(eq(medications.id, medicationId));
    if (!m) throw notFound('Medication');
    return m.recipientId;
  }

  async list(recipientId: string, action = 'medication.list'): Promise<MedicationList> {
    const { row } = await readWithAccess(this.db, this.actor, recipientId, action, 'medication_list', {
      list: listColumn,
    });
    const data = (typeof row.list === 'string' ? JSON.parse(row.list) : row.list) as MedicationList & {
      prefixes: unknown;
    };
    const prefixes = prefixList(data.prefixes);
    const { prefixes: _p, ...rest } = data;
    return {
      ...rest,
      medications: data.medications.map((m) => ({ ...m, highRisk: isHighRisk(m.atcCode, m.highRisk, prefixes) })),
    };
  }

  prescribe(recipientId: string, input: PrescribeInput) {
    return withRecordAccess(this.db, this.actor, recipientId, 'medication.prescribe', 'write', async (tx) => {
      const [m] = await tx
        .insert(medications)
        .values({
          recipientId,
          drugName: input.drugName,
          form: input.form,
          strength: input.strength,
          dose: input.dose,
          times: [...input.times].sort((a, b) => a - b),
          route: input.route,
          indication: input.indication,
          prescriber: input.prescriber,
          validFrom: input.startDate,
          validUntil: input.stopDate ?? null,
          asNeeded: input.asNeeded,
          maxPer24h: input.asNeeded ? (input.maxPer24h ?? null) : null,
          dispensing: input.dispensing,
          atcCode: input.atcCode ?? null,
          highRisk: input.highRisk,
        })
        .returning();
      await this.writeVersion(tx, m, input);
      return { result: m, details: { medicationId: m.id, source: input.source } };
    });
  }

  private async writeVersion(tx: DbOrTx, m: Medication, why: { source: Source; sourceNote?: string; reason: string }) {
    await tx.insert(medicationVersions).values({
      medicationId: m.id,
      version: m.version,
      snapshot: snapshot(m),
      source: why.source,
      sourceNote: why.sourceNote ?? null,
      reason: why.reason,
      changedBy: this.actor.userId,
    });
  }

  /** A change or a stop: the version it was based on, its source and why; a stale version gets 409. */
  async change(medicationId: string, patch: MedicationPatch) {
    const recipientId = await this.recipientOf(medicationId);
    return withRecordAccess(this.db, this.actor, recipientId, 'medication.change', 'write', async (tx) => {
      const [now] = await tx.select().from(medications).where(eq(medications.id, medicationId)).for('update');
      if (now.version !== patch.version)
        throw conflict('stale_version', 'The medication was changed after you opened it', { current: snapshot(now) });
      const { version: _v, source: _s, sourceNote: _n, reason: _r, stopDate, ...fields } = patch;
      const next = {
        ...fields,
        ...(fields.times ? { times: [...fields.times].sort((a, b) => a - b) } : {}),
        ...(stopDate !== undefined ? { validUntil: stopDate } : {}),
      };
      const until = next.validUntil === undefined ? now.validUntil : next.validUntil;
      if (until && until < now.validFrom)
        throw badInput([
          { field: 'stopDate', code: 'before_start', message: 'The stop date cannot be before the start date' },
        ]);
      const max = next.maxPer24h === undefined ? now.maxPer24h : next.maxPer24h;
      if (now.asNeeded && !max)
        throw badInput([
          { field: 'maxPer24h', code: 'required', message: 'An as-needed medicine needs a maximum per 24 hours' },
        ]);
      if (!now.asNeeded && next.times?.length === 0)
        throw badInput([{ field: 'times', code: 'required', message: 'Give at least one time of day' }]);
      const [m] = await tx
        .update(medications)
        .set({ ...next, version: now.version + 1, updatedAt: this.actor.now })
        .where(and(eq(medications.id, medicationId), eq(medications.version, patch.version)))
        .returning();
      await this.writeVersion(tx, m, patch);
      return { result: m, details: { medicationId, version: m.version, source: patch.source } };
    });
  }

  /**
   * «Avstem etter sykehusopphold»: every medicine on the list today is kept or stopped, at the
   * version the team looked at; one missing, or changed since, refuses the whole confirmation.
   */
  reconcile(recipientId: string, input: ReconcileInput) {
    return withRecordAccess(this.db, this.actor, recipientId, 'medication.reconcile', 'write', async (tx) => {
      const current = await tx
        .select()
        .from(medications)
        .where(
          and(
            eq(medications.recipientId, recipientId),
            sql`(${medications.validUntil} IS NULL OR ${medications.validUntil} >= ${this.actor.today}::date)`,
          ),
        )
        .for('update');
      const byId = new Map(input.decisions.map((d) => [d.medicationId, d]));
      const missing = current.filter((m) => !byId.has(m.id));
      if (missing.length)
        throw badInput([
          {
            field: 'decisions',
            code: 'incomplete',
            message: `Decide on every medicine on the list (${missing.map((m) => m.drugName).join(', ')})`,
          },
        ]);
      input.decisions.forEach((d, i) => {
        const m = current.find((c) => c.id === d.medicationId);
        if (!m)
          throw badInput([
            {
              field: `decisions.${i}.medicationId`,
              code: 'not_on_list',
              message: 'Not a current medicine of the person',
            },
          ]);
        if (m.version !== d.version)
          throw conflict('stale_version', `${m.drugName} was changed after you opened the list`, {
            current: snapshot(m),
          });
      });
      for (const m of current.filter((c) => !byId.get(c.id)?.keep)) {
        const [stopped] = await tx
          .update(medications)
          .set({ validUntil: this.actor.today < m.validFrom ? m.validFrom : this.actor.today, version: m.version + 1 })
          .where(eq(medications.id, m.id))
          .returning();
        await this.writeVersion(tx, stopped, {
          source: input.source,
          sourceNote: input.sourceNote,
          reason: 'Seponert ved avstemming',
        });
      }
      const [row] = await tx
        .insert(medicationReconciliations)
        .values({
          recipientId,
          source: input.source,
          sourceNote: input.sourceNote ?? null,
          note: input.note ?? null,
          decisions: input.decisions,
          confirmedBy: this.actor.userId,
        })
        .returning();
      return {
        result: row,
        details: { reconciliationId: row.id, stopped: current.length - input.decisions.filter((d) => d.keep).length },
      };
    });
  }
}
