import { jsonb, pgEnum, pgTable, primaryKey, text, uuid, index } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.ts';
import { districts, teams } from '../organisation/organisation.tables.ts';

export const pulseLevelEnum = pgEnum('pulse_level', ['team', 'leader']);

/**
 * The staff pulse, anonymous: the answer keeps only the group (team, or the district's
 * leaders) and the quarter. That someone answered is kept apart, without the answer, so
 * each person answers once a quarter; the answer reaches this table from `pulse_held` in a
 * shuffled batch (ballot.ts), so no row metadata ties it to the receipt.
 */
export const pulseResponses = pgTable(
  'pulse_response',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    districtId: uuid('district_id')
      .notNull()
      .references(() => districts.id),
    /** Null for the leaders' group. */
    teamId: uuid('team_id').references(() => teams.id),
    level: pulseLevelEnum('level').notNull(),
    quarter: text('quarter').notNull(),
    answers: jsonb('answers').$type<Record<string, number | null>>().notNull(),
  },
  (t) => [index('pulse_response_group_idx').on(t.districtId, t.quarter)],
);

export const pulseReceipts = pgTable(
  'pulse_receipt',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    quarter: text('quarter').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.quarter] })],
);

/** The pulse's ballot box (see surveys.tables.ts `survey_held`): an answer waits here until written in a batch. */
export const pulseHeld = pgTable('pulse_held', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id')
    .notNull()
    .references(() => districts.id),
  teamId: uuid('team_id').references(() => teams.id),
  level: pulseLevelEnum('level').notNull(),
  quarter: text('quarter').notNull(),
  answers: jsonb('answers').$type<Record<string, number | null>>().notNull(),
});
