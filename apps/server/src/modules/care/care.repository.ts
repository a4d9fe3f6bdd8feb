import { type MeasureInput, type MeasurePatch, osloNow, type SharedDecisionInput } from '@tillit/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { badInput, conflict, notFound } from '../../http/errors.ts';
import { readWithAccess, withRecordAccess } from '../access/index.ts';
import { assertHelpersServe } from '../access/index.ts';
import { competenceTypes } from '../organisation/organisation.readmodel.ts';
import { goals, measures, measureVersions, sharedDecisions, whatMatters } from './care.tables.ts';
import { followMeasure } from './visits.follow.ts';

/**
 * What matters, goals and the care plan of one person, as one JSON column next to
 * `recipient r` so the record opens in one statement (the access facts ride along).
 */
const careColumn = sql`json_build_object(
  'whatMatters', COALESCE((SELECT json_agg(json_build_object('id', w.id, 'statement', w.statement, 'present', w.present,
                      'recordedAt', w.recorded_at, 'recordedBy', u.display_name) ORDER BY w.recorded_at DESC)
                      FROM what_matters w JOIN user_account u ON u.id = w.recorded_by WHERE w.recipient_id = r.id), '[]'::json),
  'goals', COALESCE((SELECT json_agg(json_build_object('id', g.id, 'description', g.description, 'whatMattersId', g.what_matters_id,
                      'reviewDate', g.review_date, 'status', g.status) ORDER BY g.review_date)
                      FROM goal g WHERE g.recipient_id = r.id AND g.status <> 'ended'), '[]'::json),
  'measures', COALESCE((SELECT json_agg(json_build_object('id', m.id, 'goalId', m.goal_id, 'professionalNeed', m.professional_need,
                      'title', m.title, 'how', m.how, 'days', m.days, 'everyWeeks', m.every_weeks, 'windowStart', m.window_start,
                      'windowEnd', m.window_end, 'durationMinutes', m.duration_minutes, 'requiredCompetence', m.required_competence,
                      'twoHelpers', m.two_helpers, 'status', m.status, 'version', m.version,
                      'usualStaff', (SELECT s.given_name || ' ' || s.family_name FROM staff s WHERE s.id = m.usual_staff_id))
                      ORDER BY m.window_start, m.title)
                      FROM measure m WHERE m.recipient_id = r.id AND m.status <> 'ended'), '[]'::json),
  'conditionChanges', COALESCE((SELECT json_agg(json_build_object('id', c.id, 'text', c.text, 'createdAt', c.created_at) ORDER BY c.created_at DESC)
                      FROM condition_change c WHERE c.recipient_id = r.id AND c.closed_at IS NULL), '[]'::json),
  'recentVisits', COALESCE((SELECT json_agg(v ORDER BY v."date" DESC, v."windowStart" DESC) FROM (
                      SELECT vi.id, vi.date AS "date", vi.window_start AS "windowStart", vi.window_end AS "windowEnd", vi.status, vi.note,
                             (SELECT s.given_name || ' ' || s.family_name FROM staff s WHERE s.id = vi.staff_id) AS helper
                        FROM visit vi WHERE vi.recipient_id = r.id AND vi.date <= ${sql.placeholder('today')}::date + 7
                       ORDER BY vi.date DESC, vi.window_start DESC LIMIT 20) v), '[]'::json),
  'serviceDecisions', COALESCE((SELECT json_agg(json_build_object('id', sd.id, 'serviceType', sd.service_type, 'hoursPerWeek', sd.hours_per_week,
                      'validFrom', sd.valid_from, 'validUntil', sd.valid_until, 'status', sd.status, 'withinFrame', sd.within_frame,
                      'decidedBy', (SELECT display_name FROM user_account WHERE id = sd.decided_by)) ORDER BY sd.decided_at DESC)
                      FROM service_decision sd WHERE sd.recipient_id = r.id AND sd.status <> 'superseded'), '[]'::json),
  'sharedDecisions', COALESCE((SELECT json_agg(json_build_object('id', d.id, 'question', d.question, 'options', d.options, 'chosen', d.chosen,
                      'why', d.why, 'decidedAt', d.decided_at) ORDER BY d.decided_at DESC)
                      FROM shared_decision d WHERE d.recipient_id = r.id), '[]'::json),
  'observations', COALESCE((SELECT json_agg(o ORDER BY o."recordedAt" DESC) FROM (
                      SELECT ob.kind, ob.value, ob.value2, ob.unit, ob.recorded_at AS "recordedAt"
                        FROM observation ob WHERE ob.recipient_id = r.id ORDER BY ob.recorded_at DESC LIMIT 20) o), '[]'::json)
)`;

async function snapshot(tx: DbOrTx, measureId: string) {
  const [m] = await tx.select().from(measures).where(eq(measures.id, measureId));
  return m;
}

/** The shared care record of one person (what matters → goals → measures), bound to the actor. */
export class CareRepository {
  constructor(
    private readonly db: Db,
    private readonly actor: Actor,
  ) {}

  async read(recipientId: string) {
    const { row } = await readWithAccess(this.db, this.actor, recipientId, 'care.read', 'care_read', {
      care: careColumn,
    });
    return typeof row.care === 'string' ? JSON.parse(row.care) : row.care;
  }

  addWhatMatters(recipientId: string, input: { statement: string; present?: string | null }) {
    return withRecordAccess(this.db, this.actor, recipientId, 'care.whatMatters.add', 'write', async (tx) => {
      const [row] = await tx
        .insert(whatMatters)
        .values({
          recipientId,
          statement: input.statement,
          present: input.present ?? null,
          recordedBy: this.actor.userId,
        })
        .returning();
      return { result: row, details: { whatMattersId: row.id } };
    });
  }

  addGoal(recipientId: string, input: { description: string; whatMattersId?: string | null; reviewDate: string }) {
    return withRecordAccess(this.db, this.actor, recipientId, 'care.goal.add', 'write', async (tx) => {
      if (input.whatMattersId) {
        const [w] = await tx
          .select()
          .from(whatMatters)
          .where(and(eq(whatMatters.id, input.whatMattersId), eq(whatMatters.recipientId, recipientId)));
        if (!w)
          throw badInput([{ field: 'whatMattersId', code: 'not_found', message: 'No such statement for this person' }]);
      }
      const [row] = await tx
        .insert(goals)
        .values({
          recipientId,
          description: input.description,
          whatMattersId: input.whatMattersId ?? null,
          reviewDate: input.reviewDate,
          createdBy: this.actor.userId,
        })
        .returning();
      return { result: row, details: { goalId: row.id } };
    });
  }

  addMeasure(recipientId: string, input: MeasureInput) {
    return withRecordAccess(this.db, this.actor, recipientId, 'care.measure.add', 'write', async (tx) => {
      await this.checkReferences(tx, recipientId, input);
      const { decidedWithPerson, reason, ...fields } = input;
      const [row] = await tx
        .insert(measures)
        .values({
          ...fields,
          recipientId,
          validFrom: this.actor.today,
          goalId: fields.goalId ?? null,
          professionalNeed: fields.professionalNeed ?? null,
          requiredCompetence: fields.requiredCompetence ?? null,
          usualStaffId: fields.usualStaffId ?? null,
        })
        .returning();
      await tx.insert(measureVersions).values({
        measureId: row.id,
        version: 1,
        snapshot: row,
        changedBy: this.actor.userId,
        reason: reason ?? 'Nytt tiltak',
        decidedWithPerson,
      });
      const visits = await followMeasure(tx, row.id, osloNow(this.actor.now));
      return { result: { ...row, visits }, details: { measureId: row.id, visits } };
    });
  }

  /** Changes a measure; a stale version gets 409 with the current values of the changed fields, never an overwrite. */
  async changeMeasure(measureId: string, patch: MeasurePatch) {
    const [m] = await this.db
      .select({ recipientId: measures.recipientId })
      .from(measures)
      .where(eq(measures.id, measureId));
    if (!m) throw notFound('Measure');
    return withRecordAccess(this.db, this.actor, m.recipientId, 'care.measure.change', 'write', async (tx) => {
      const { version, reason, decidedWithPerson, ...changes } = patch;
      await assertHelpersServe(tx, m.recipientId, [['usualStaffId', changes.usualStaffId]], this.actor.today);
      const current = await snapshot(tx, measureId);
      const start = changes.windowStart ?? current.windowStart;
      const end = changes.windowEnd ?? current.windowEnd;
      if (end <= start)
        throw badInput([{ field: 'windowEnd', code: 'custom', message: 'The window must end after it starts' }]);
      const [row] = await tx
        .update(measures)
        .set({ ...changes, version: sql`${measures.version} + 1`, updatedAt: new Date() })
        .where(and(eq(measures.id, measureId), eq(measures.version, version)))
        .returning();
      if (!row) {
        // Show the fields this change touches as they are now, and the version to retry with;
        // withRecordAccess logs what was shown.
        const [now] = await tx.select().from(measures).where(eq(measures.id, measureId));
        const shown = Object.fromEntries(Object.keys(changes).map((k) => [k, now[k as keyof typeof changes]]));
        throw conflict('stale_version', 'The measure was changed by someone else. Review their change and try again.', {
          current: { ...shown, version: now.version },
        });
      }
      await tx.insert(measureVersions).values({
        measureId,
        version: row.version,
        snapshot: row,
        changedBy: this.actor.userId,
        reason,
        decidedWithPerson,
      });
      // The generated visits follow the plan at once: a new window or days move them, a pause or
      // an end takes the measure off its future visits, a resumed measure makes them again.
      const visits = await followMeasure(tx, measureId, osloNow(this.actor.now));
      return {
        result: { ...row, visits },
        details: { measureId, fields: Object.keys(changes), decidedWithPerson, visits },
      };
    });
  }

  /**
   * Records a shared decision and applies its plan change in the same transaction; the
   * measure's new version says it was decided with the person.
   */
  recordSharedDecision(recipientId: string, input: SharedDecisionInput) {
    return withRecordAccess(this.db, this.actor, recipientId, 'care.sharedDecision', 'write', async (tx) => {
      const c = input.change;
      let measureId: string;
      if (c.action === 'add') {
        const fields = { ...c.measure, decidedWithPerson: true } as MeasureInput;
        if (!fields.goalId && !fields.professionalNeed) fields.professionalNeed = `Samvalg: ${input.question}`;
        await this.checkReferences(tx, recipientId, fields);
        const { decidedWithPerson: _d, reason: _r, ...values } = fields;
        const [row] = await tx
          .insert(measures)
          .values({
            ...values,
            recipientId,
            validFrom: this.actor.today,
            goalId: values.goalId ?? null,
            professionalNeed: values.professionalNeed ?? null,
            requiredCompetence: values.requiredCompetence ?? null,
            usualStaffId: values.usualStaffId ?? null,
          })
          .returning();
        await tx.insert(measureVersions).values({
          measureId: row.id,
          version: 1,
          snapshot: row,
          changedBy: this.actor.userId,
          reason: `Samvalg: ${input.chosen}`,
          decidedWithPerson: true,
        });
        measureId = row.id;
        await followMeasure(tx, measureId, osloNow(this.actor.now));
      } else {
        const [m] = await tx
          .select()
          .from(measures)
          .where(and(eq(measures.id, c.measureId), eq(measures.recipientId, recipientId)));
        if (!m)
          throw badInput([
            { field: 'change.measureId', code: 'not_found', message: 'No such measure for this person' },
          ]);
        const set =
          c.action === 'pause' ? { status: 'paused' as const } : { windowStart: c.windowStart, windowEnd: c.windowEnd };
        const [row] = await tx
          .update(measures)
          .set({ ...set, version: sql`${measures.version} + 1`, updatedAt: new Date() })
          .where(eq(measures.id, m.id))
          .returning();
        await tx.insert(measureVersions).values({
          measureId: m.id,
          version: row.version,
          snapshot: row,
          changedBy: this.actor.userId,
          reason: `Samvalg: ${input.chosen} – ${input.why}`,
          decidedWithPerson: true,
        });
        measureId = m.id;
        // The decision changes the visits too, each with a new version (see followMeasure).
        await followMeasure(tx, measureId, osloNow(this.actor.now));
      }
      const [row] = await tx
        .insert(sharedDecisions)
        .values({
          recipientId,
          visitId: input.visitId ?? null,
          question: input.question,
          options: input.options,
          chosen: input.chosen,
          why: input.why,
          planChange: { ...c, measureId },
          decidedBy: this.actor.userId,
        })
        .returning();
      return { result: { id: row.id, measureId }, details: { sharedDecisionId: row.id, action: c.action, measureId } };
    });
  }

  private async checkReferences(tx: DbOrTx, recipientId: string, input: MeasureInput) {
    // The usual helper is given the person's visits (visits.generate.ts): they must serve the person.
    await assertHelpersServe(tx, recipientId, [['usualStaffId', input.usualStaffId]], this.actor.today);
    if (input.goalId) {
      const [g] = await tx
        .select()
        .from(goals)
        .where(and(eq(goals.id, input.goalId), eq(goals.recipientId, recipientId)));
      if (!g) throw badInput([{ field: 'goalId', code: 'not_found', message: 'No such goal for this person' }]);
    }
    if (input.requiredCompetence) {
      const [c] = await tx.select().from(competenceTypes).where(eq(competenceTypes.code, input.requiredCompetence));
      if (!c)
        throw badInput([
          {
            field: 'requiredCompetence',
            code: 'unknown_competence',
            message: `Unknown competence: ${input.requiredCompetence}`,
          },
        ]);
    }
  }
}
