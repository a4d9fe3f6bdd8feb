import {
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from '../accounts/accounts.tables.ts';
import { teams } from '../organisation/organisation.tables.ts';

/**
 * A leader's own self-assessment against the five misconceptions about trust: one row per
 * leader and misconception, private to that leader (no endpoint reads another's rows).
 */
export const leaderSelfAssessments = pgTable(
  'leader_self_assessment',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Stable id from MISCONCEPTIONS (packages/contracts/src/selfassessment.items.ts). */
    misconception: text('misconception').notNull(),
    /** 1 = this thought does not shape how I lead … 5 = it shapes it a lot; null = not rated yet. */
    rating: smallint('rating'),
    note: text('note'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.misconception] }),
    check('leader_self_assessment_rating', sql`${t.rating} BETWEEN 1 AND 5`),
  ],
);

/** Who in the team owns an action: a role, never a named employee (principle 5). */
export const noteOwnerEnum = pgEnum('team_note_owner', [
  'team',
  'coordinator',
  'nurse',
  'health_worker',
  'therapist',
  'case_handler',
  'leader',
]);
export const noteKindEnum = pgEnum('team_note_kind', ['note', 'action']);

/** The team's own notes and actions from its figures and dialogue meetings. */
export const teamNotes = pgTable(
  'team_note',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    kind: noteKindEnum('kind').notNull(),
    text: text('text').notNull(),
    ownerRole: noteOwnerEnum('owner_role').notNull().default('team'),
    dueDate: date('due_date'),
    done: boolean('done').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('team_note_team_idx').on(t.teamId, t.createdAt)],
);
