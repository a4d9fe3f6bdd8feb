/**
 * Documentation that arrives from another system (FHIR, modules/fhir) rather than at the door:
 * a measurement, and a visit made outside the plan. Same rules as the app: the record policy
 * (`write`), the audit row in the same transaction, plausible ranges and UCUM units from the
 * contract. Nothing is half-written: a refusal inside rolls the change back.
 */
import { type ObservationKind, observationRanges } from '@tillit/contracts';
import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError } from '../../http/errors.ts';
import { withRecordAccess } from '../access/index.ts';
import { observations, visits } from './care.tables.ts';

export interface NewObservation {
  recipientId: string;
  visitId?: string;
  kind: ObservationKind;
  value: number;
  value2?: number;
  recordedAt: Date;
}

/** 422 naming the element the sender must fix. */
const unprocessable = (field: string, message: string) =>
  new AppError(422, 'unprocessable', message, { fields: [{ field, code: 'unprocessable', message }] });

async function assertVisitOf(tx: DbOrTx, visitId: string, recipientId: string) {
  const [v] = await tx
    .select({ id: visits.id })
    .from(visits)
    .where(and(eq(visits.id, visitId), eq(visits.recipientId, recipientId)));
  if (!v) throw unprocessable('Observation.encounter', 'The encounter is not a visit of this patient');
}

export function recordObservation(db: Db, actor: Actor, o: NewObservation) {
  return withRecordAccess(db, actor, o.recipientId, 'observation.record', 'write', async (tx) => {
    if (o.visitId) await assertVisitOf(tx, o.visitId, o.recipientId);
    const [row] = await tx
      .insert(observations)
      .values({
        recipientId: o.recipientId,
        visitId: o.visitId ?? null,
        kind: o.kind,
        value: o.value,
        value2: o.value2 ?? null,
        unit: observationRanges[o.kind].unit,
        recordedBy: actor.userId,
        recordedAt: o.recordedAt,
      })
      .returning();
    return { result: row, details: { observationId: row.id, kind: o.kind, via: 'fhir' } };
  });
}

export interface ExtraVisit {
  recipientId: string;
  date: string;
  startMinute: number;
  endMinute: number;
  checkedInAt: Date;
  checkedOutAt: Date;
  staffIds: string[];
}

/**
 * A visit made outside the plan, documented afterwards: done, with its check-in and check-out.
 * It holds no measure (no outcome is claimed for the plan), so it never takes a planned slot.
 */
export function recordExtraVisit(db: Db, actor: Actor, v: ExtraVisit) {
  return withRecordAccess(db, actor, v.recipientId, 'visit.recordExtra', 'write', async (tx) => {
    const [row] = await tx
      .insert(visits)
      .values({
        recipientId: v.recipientId,
        date: v.date,
        windowStart: v.startMinute,
        windowEnd: v.endMinute,
        staffId: v.staffIds[0] ?? actor.staffId,
        secondStaffId: v.staffIds[1] ?? null,
        status: 'done',
        checkedInAt: v.checkedInAt,
        checkedOutAt: v.checkedOutAt,
      })
      .returning();
    return { result: row, details: { visitId: row.id, via: 'fhir' } };
  });
}
