import {
  type AssessmentInput,
  type AssessmentList,
  type AssessmentReason,
  type AssessmentView,
  assessmentItems,
} from '@tillit/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { badInput, forbidden } from '../../http/errors.ts';
import { readWithAccess, withRecordAccess } from '../access/index.ts';
import { conditionChanges } from '../care/care.readmodel.ts';
import { levelBand, needItems, scoreChanges } from './assessment.level.ts';
import { functionalAssessmentScores, functionalAssessments } from './assessment.tables.ts';

/** The person's assessments, newest first, each with its 17 scores and who assessed. */
const historyColumn = sql`(SELECT COALESCE(json_agg(json_build_object('id', a.id, 'assessedOn', a.assessed_on,
    'assessedBy', s.given_name || ' ' || s.family_name, 'withPerson', a.with_person, 'reason', a.reason, 'note', a.note,
    'conditionChangeId', a.condition_change_id, 'createdAt', a.created_at,
    'scores', (SELECT json_object_agg(sc.item, sc.score) FROM functional_assessment_score sc WHERE sc.assessment_id = a.id))
    ORDER BY a.assessed_on DESC, a.created_at DESC), '[]'::json)
  FROM functional_assessment a JOIN staff s ON s.id = a.assessed_by WHERE a.recipient_id = r.id)`;

/**
 * The newest flagged change in condition recorded after the latest assessment (and not already
 * the reason of one): the record asks «Ny funksjonsvurdering?».
 */
const promptColumn = sql`(SELECT json_build_object('conditionChangeId', c.id, 'text', c.text, 'createdAt', c.created_at)
  FROM condition_change c
 WHERE c.recipient_id = r.id
   AND c.created_at > COALESCE((SELECT max(a.created_at) FROM functional_assessment a WHERE a.recipient_id = r.id), '-infinity'::timestamptz)
   AND NOT EXISTS (SELECT 1 FROM functional_assessment a WHERE a.condition_change_id = c.id)
 ORDER BY c.created_at DESC LIMIT 1)`;

type StoredView = Omit<AssessmentView, 'needItems' | 'band'>;
const parse = <T>(v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** The functional assessment (IPLOS) of one person, bound to the actor: read with the record, written by its team. */
export class AssessmentRepository {
  constructor(
    private readonly db: Db,
    private readonly actor: Actor,
  ) {}

  async list(recipientId: string): Promise<AssessmentList> {
    const { row } = await readWithAccess(this.db, this.actor, recipientId, 'assessment.list', 'assessment_list', {
      history: historyColumn,
      prompt: promptColumn,
    });
    const assessments = parse<StoredView[]>(row.history).map((a) => {
      const n = needItems(a.scores);
      return { ...a, needItems: n, band: levelBand(n) };
    });
    return {
      assessments,
      changes: assessments.length ? scoreChanges(assessments[0].scores, assessments[1]?.scores) : [],
      prompt: parse<AssessmentList['prompt']>(row.prompt) ?? null,
    };
  }

  /**
   * One assessment with all 17 scores in one transaction (with its audit row): a failure leaves
   * nothing, and the same form sent twice (the same `id`) is stored once; the second gets 409.
   */
  create(recipientId: string, input: AssessmentInput) {
    if (input.assessedOn > this.actor.today)
      throw badInput([
        { field: 'assessedOn', code: 'future', message: 'The assessment cannot be dated in the future' },
      ]);
    return withRecordAccess(this.db, this.actor, recipientId, 'assessment.create', 'write', async (tx) => {
      const staffId = this.actor.staffId;
      if (!staffId) throw forbidden('not_staff', 'Only staff members assess function');
      if (input.conditionChangeId) {
        const [c] = await tx
          .select({ id: conditionChanges.id })
          .from(conditionChanges)
          .where(and(eq(conditionChanges.id, input.conditionChangeId), eq(conditionChanges.recipientId, recipientId)));
        if (!c)
          throw badInput([
            { field: 'conditionChangeId', code: 'not_found', message: 'No such change in condition for this person' },
          ]);
      }
      const [a] = await tx
        .insert(functionalAssessments)
        .values({
          ...(input.id ? { id: input.id } : {}),
          recipientId,
          assessedOn: input.assessedOn,
          assessedBy: staffId,
          withPerson: input.withPerson,
          reason: input.reason satisfies AssessmentReason,
          note: input.note ?? null,
          conditionChangeId: input.conditionChangeId ?? null,
          createdAt: this.actor.now,
        })
        .returning({ id: functionalAssessments.id });
      await tx
        .insert(functionalAssessmentScores)
        .values(assessmentItems.map((item) => ({ assessmentId: a.id, item, score: input.scores[item] })));
      return { result: { id: a.id }, details: { assessmentId: a.id, reason: input.reason } };
    });
  }
}

/**
 * The assessment in force per person on a date, as a subquery for other modules' statistics
 * (`recipient_id`, `assessment_id`, `assessed_on`, `need_items`: items scored 3–5): the latest
 * assessed on or before the date. Band it with `levelBand`.
 */
export function assessmentsInForce(on: string) {
  return sql`(SELECT DISTINCT ON (fa.recipient_id) fa.recipient_id, fa.id AS assessment_id, fa.assessed_on,
      (SELECT count(*) FROM functional_assessment_score fs WHERE fs.assessment_id = fa.id AND fs.score BETWEEN 3 AND 5)::int AS need_items
     FROM functional_assessment fa WHERE fa.assessed_on <= ${on}::date
    ORDER BY fa.recipient_id, fa.assessed_on DESC, fa.created_at DESC)`;
}

/** Assessments made in a period (new this period), per person, as a subquery: `recipient_id`, `made`. */
export function assessmentsMade(from: string, to: string) {
  return sql`(SELECT fa.recipient_id, count(*)::int AS made FROM functional_assessment fa
     WHERE fa.assessed_on BETWEEN ${from}::date AND ${to}::date GROUP BY fa.recipient_id)`;
}
