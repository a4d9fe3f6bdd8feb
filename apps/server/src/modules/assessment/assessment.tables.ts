import { assessmentItems } from '@tillit/contracts';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { conditionChanges } from '../care/care.tables.ts';
import { staff } from '../organisation/organisation.tables.ts';
import { recipients } from '../recipients/recipients.tables.ts';

export const assessmentItem = pgEnum('assessment_item', assessmentItems);

/**
 * A functional assessment (IPLOS), made with the person and used by the team for planning. Each
 * assessment is a new row; the latest on a date is the one in force (history stays, as the
 * register asks for the assessment valid in each period). `reason` says why it was made (first
 * assessment, a change in condition, a review).
 */
export const functionalAssessments = pgTable(
  'functional_assessment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => recipients.id),
    assessedOn: date('assessed_on', { mode: 'string' }).notNull(),
    assessedBy: uuid('assessed_by')
      .notNull()
      .references(() => staff.id),
    /** Whether the person took part (the point of the assessment; false must say why in `note`). */
    withPerson: boolean('with_person').notNull().default(true),
    reason: text('reason').notNull(),
    note: text('note'),
    /** The change in condition that prompted it, if any (care's condition_change). */
    conditionChangeId: uuid('condition_change_id').references(() => conditionChanges.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('functional_assessment_recipient_idx').on(t.recipientId, t.assessedOn)],
);

/** One score per item and assessment; all 17 items are scored in every assessment. */
export const functionalAssessmentScores = pgTable(
  'functional_assessment_score',
  {
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => functionalAssessments.id, { onDelete: 'cascade' }),
    item: assessmentItem('item').notNull(),
    score: smallint('score').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.assessmentId, t.item] }),
    check('functional_assessment_score_range', sql`${t.score} IN (1, 2, 3, 4, 5, 9)`),
  ],
);
