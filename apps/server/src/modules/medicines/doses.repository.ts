import type { PrnInput, RecordDoses, VisitDoses } from '@tillit/contracts';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { type Db, type DbOrTx, rowsOf } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { badInput, conflict, notFound } from '../../http/errors.ts';
import { readWithAccess, withRecordAccess } from '../access/index.ts';
import { doseAdministrations, medications } from './medicines.tables.ts';
import { assertDelegation, prefixesFor, prefixesOf } from './medicines.sql.ts';
import { isHighRisk, prnAllowed, timesInWindow } from './medicines.rules.ts';
import { dosesOfVisit, type MedRow, type VisitData } from './doses.view.ts';
import { validOn } from '../../time/sql.ts';

const medJson = sql`json_build_object('id', m.id, 'drugName', m.drug_name, 'strength', m.strength, 'dose', m.dose, 'form', m.form,
  'route', m.route, 'times', m.times, 'asNeeded', m.as_needed, 'maxPer24h', m.max_per_24h, 'atcCode', m.atc_code, 'highRisk', m.high_risk)`;

/** A visit's day, window, the person's medicines that day, the doses recorded, and as-needed counts. */
const visitColumn = sql`(SELECT json_build_object('recipientId', r.id, 'date', v.date, 'windowStart', v.window_start,
  'windowEnd', v.window_end, 'status', v.status,
  'meds', COALESCE((SELECT json_agg(${medJson} ORDER BY m.drug_name) FROM medication m
                     WHERE m.recipient_id = r.id AND ${validOn('m', sql`v.date`)}), '[]'::json),
  'recorded', COALESCE((SELECT json_agg(json_build_object('id', a.id, 'medicationId', a.medication_id, 'minute', a.planned_minute,
                     'status', a.status, 'notGivenReason', a.not_given_reason, 'needsSecond', a.needs_second,
                     'givenBy', (SELECT u.display_name FROM user_account u WHERE u.id = a.recorded_by),
                     'secondBy', (SELECT u.display_name FROM user_account u WHERE u.id = a.second_by)))
                     FROM dose_administration a WHERE a.recipient_id = r.id AND a.date = v.date AND NOT a.as_needed), '[]'::json),
  'prnCounts', COALESCE((SELECT json_object_agg(x.medication_id, x.n) FROM (SELECT a.medication_id, count(*)::int AS n
                     FROM dose_administration a WHERE a.recipient_id = r.id AND a.as_needed AND a.status = 'given'
                      AND a.recorded_at > ${sql.placeholder('now')}::timestamptz - interval '24 hours' GROUP BY 1) x), '{}'::json),
  'prefixes', ${prefixesOf(sql`r.id`)})
  FROM visit v WHERE v.id = ${sql.placeholder('visitId')} AND v.recipient_id = r.id)`;

const parse = <T>(v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** Doses at the visit: read, given, not given, second-signed; as-needed doses and their effect. */
export class DoseRepository {
  constructor(
    private readonly db: Db,
    private readonly actor: Actor,
  ) {}

  private async recipientOfVisit(visitId: string) {
    const rows = rowsOf<{ r: string }>(
      await this.db.execute(sql`SELECT recipient_id AS r FROM visit WHERE id = ${visitId}`),
    );
    if (!rows[0]) throw notFound('Visit');
    return rows[0].r;
  }

  private async recipientOfDose(id: string) {
    const [a] = await this.db
      .select({ recipientId: doseAdministrations.recipientId })
      .from(doseAdministrations)
      .where(eq(doseAdministrations.id, id));
    if (!a) throw notFound('Dose');
    return a.recipientId;
  }

  async visitDoses(visitId: string): Promise<VisitDoses> {
    const recipientId = await this.recipientOfVisit(visitId);
    const { row } = await readWithAccess(
      this.db,
      this.actor,
      recipientId,
      'doses.read',
      'visit_doses',
      { visit: visitColumn },
      { visitId, now: this.actor.now.toISOString() },
    );
    return dosesOfVisit(visitId, parse<VisitData>(row.visit));
  }

  /** The visit's data inside a write, under the same shape the read uses. */
  private async visitInTx(tx: DbOrTx, visitId: string) {
    const [row] = rowsOf<{ v: unknown }>(
      await tx.execute(sql`SELECT (SELECT json_build_object('date', v.date, 'windowStart', v.window_start,
          'windowEnd', v.window_end, 'status', v.status) FROM visit v WHERE v.id = ${visitId}) AS v`),
    );
    return parse<{ date: string; windowStart: number; windowEnd: number; status: string }>(row.v);
  }

  /**
   * Records the visit's doses in one transaction: each one named, and with «all as planned» every
   * other dose still open as given. Giving needs a valid delegation; a high-risk dose given waits
   * for a second signature. A dose already recorded (by anyone, racing or not) refuses the whole
   * request (409): the unique index on (medication, date, time) decides.
   */
  async record(visitId: string, input: RecordDoses) {
    const recipientId = await this.recipientOfVisit(visitId);
    return withRecordAccess(this.db, this.actor, recipientId, 'doses.record', 'write', async (tx) => {
      const visit = await this.visitInTx(tx, visitId);
      if (visit.status === 'cancelled') throw conflict('visit_cancelled', 'The visit was cancelled');
      const meds = rowsOf<MedRow>(
        await tx.execute(sql`SELECT ${medJson} AS m FROM medication m WHERE m.recipient_id = ${recipientId} AND NOT m.as_needed
                               AND ${validOn('m', visit.date)}`),
      ).map((r) => parse<MedRow>((r as unknown as { m: unknown }).m));
      const prefixes = await prefixesFor(tx, recipientId);
      const planned = meds.flatMap((m) =>
        timesInWindow(m.times, visit.windowStart, visit.windowEnd).map((time) => ({
          m,
          time,
          highRisk: isHighRisk(m.atcCode, m.highRisk, prefixes),
        })),
      );
      input.doses.forEach((d, i) => {
        if (!planned.some((p) => p.m.id === d.medicationId && p.time === d.time))
          throw badInput([
            {
              field: `doses.${i}.medicationId`,
              code: 'not_in_visit',
              message: 'That dose is not planned at this visit',
            },
          ]);
      });
      const recorded = rowsOf<{ medicationId: string; minute: number }>(
        await tx.execute(sql`SELECT medication_id AS "medicationId", planned_minute AS minute FROM dose_administration
                              WHERE recipient_id = ${recipientId} AND date = ${visit.date}::date AND NOT as_needed`),
      );
      const open = (p: { m: MedRow; time: number }) =>
        !recorded.some((r) => r.medicationId === p.m.id && Number(r.minute) === p.time);
      const rows = planned.flatMap((p) => {
        const named = input.doses.find((d) => d.medicationId === p.m.id && d.time === p.time);
        if (named) return [{ p, status: named.status, reason: named.notGivenReason ?? null, note: named.note ?? null }];
        return input.allAsPlanned && open(p) ? [{ p, status: 'given' as const, reason: null, note: null }] : [];
      });
      if (rows.some((r) => r.status !== 'not_given')) await assertDelegation(tx, this.actor);
      if (rows.length === 0) return { result: { recorded: 0 }, details: { visitId, recorded: 0 } };
      const inserted = await tx
        .insert(doseAdministrations)
        .values(
          rows.map(({ p, status, reason, note }) => ({
            medicationId: p.m.id,
            recipientId,
            visitId,
            date: visit.date,
            plannedMinute: p.time,
            status,
            notGivenReason: status === 'not_given' ? reason : null,
            note,
            recordedBy: this.actor.userId,
            recordedByStaff: this.actor.staffId,
            recordedAt: this.actor.now,
            needsSecond: p.highRisk && status === 'given',
          })),
        )
        .onConflictDoNothing()
        .returning({ id: doseAdministrations.id });
      if (inserted.length < rows.length)
        throw conflict('already_recorded', 'A dose of this visit was already recorded; look at the visit again');
      return {
        result: { recorded: inserted.length },
        details: { visitId, recorded: inserted.length, notGiven: rows.filter((r) => r.status === 'not_given').length },
      };
    });
  }

  /** The second, independent signature on a high-risk dose: another person, with a valid delegation, once. */
  async secondSign(id: string) {
    const recipientId = await this.recipientOfDose(id);
    return withRecordAccess(this.db, this.actor, recipientId, 'dose.secondSignature', 'write', async (tx) => {
      const [a] = await tx.select().from(doseAdministrations).where(eq(doseAdministrations.id, id)).for('update');
      if (!a.needsSecond) throw conflict('no_second_needed', 'This dose needs no second signature');
      if (a.secondBy) throw conflict('already_signed', 'The dose already has its second signature');
      if (a.recordedBy === this.actor.userId)
        throw badInput([
          {
            field: 'staffId',
            code: 'same_person',
            message: 'The second signature must come from another person than the one who gave the dose',
          },
        ]);
      await assertDelegation(tx, this.actor);
      const [row] = await tx
        .update(doseAdministrations)
        .set({ secondBy: this.actor.userId, secondByStaff: this.actor.staffId, secondAt: this.actor.now })
        .where(and(eq(doseAdministrations.id, id), isNull(doseAdministrations.secondBy)))
        .returning({ id: doseAdministrations.id });
      if (!row) throw conflict('already_signed', 'The dose already has its second signature');
      return { result: { id, secondSigned: true }, details: { administrationId: id } };
    });
  }

  /**
   * An as-needed dose with its reason. The medication row is locked first, so two doses given at
   * once are counted one after the other and neither passes the maximum per 24 hours.
   */
  prn(recipientId: string, input: PrnInput) {
    return withRecordAccess(this.db, this.actor, recipientId, 'dose.prn', 'write', async (tx) => {
      const [m] = await tx
        .select()
        .from(medications)
        .where(and(eq(medications.id, input.medicationId), eq(medications.recipientId, recipientId)))
        .for('update');
      const today = this.actor.today;
      if (!m?.asNeeded || m.validFrom > today || (m.validUntil !== null && m.validUntil < today))
        throw badInput([
          { field: 'medicationId', code: 'not_as_needed', message: 'Not an as-needed medicine of the person today' },
        ]);
      await assertDelegation(tx, this.actor);
      const [{ n }] = rowsOf<{ n: number }>(
        await tx.execute(sql`SELECT count(*)::int AS n FROM dose_administration WHERE medication_id = ${m.id} AND as_needed
                              AND status = 'given' AND recorded_at > ${this.actor.now.toISOString()}::timestamptz - interval '24 hours'`),
      );
      if (!prnAllowed(Number(n), m.maxPer24h ?? 0))
        throw badInput([
          {
            field: 'medicationId',
            code: 'prn_max',
            message: `At most ${m.maxPer24h} doses of ${m.drugName} in 24 hours; ${n} given in the last 24 hours`,
          },
        ]);
      const prefixes = await prefixesFor(tx, recipientId);
      const [row] = await tx
        .insert(doseAdministrations)
        .values({
          medicationId: m.id,
          recipientId,
          visitId: input.visitId ?? null,
          date: today,
          asNeeded: true,
          status: 'given',
          note: input.reason,
          recordedBy: this.actor.userId,
          recordedByStaff: this.actor.staffId,
          recordedAt: this.actor.now,
          needsSecond: isHighRisk(m.atcCode, m.highRisk, prefixes),
        })
        .returning();
      return {
        result: { id: row.id, givenLast24h: Number(n) + 1, maxPer24h: m.maxPer24h, awaitingSecond: row.needsSecond },
        details: { administrationId: row.id, medicationId: m.id },
      };
    });
  }

  /** The effect of an as-needed dose, written later, once. */
  async effect(id: string, effect: string) {
    const recipientId = await this.recipientOfDose(id);
    return withRecordAccess(this.db, this.actor, recipientId, 'dose.effect', 'write', async (tx) => {
      const [row] = await tx
        .update(doseAdministrations)
        .set({ effect, effectBy: this.actor.userId, effectAt: this.actor.now })
        .where(
          and(
            eq(doseAdministrations.id, id),
            eq(doseAdministrations.asNeeded, true),
            isNull(doseAdministrations.effect),
          ),
        )
        .returning({ id: doseAdministrations.id });
      if (!row) throw conflict('no_effect_expected', 'Only an as-needed dose without a written effect takes one');
      return { result: { id }, details: { administrationId: id } };
    });
  }
}
