import { index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.ts';
import { teams } from '../organisation/organisation.tables.ts';
import { recipients } from '../recipients/recipients.tables.ts';

export const surveyChannelEnum = pgEnum('survey_channel', ['tablet', 'link', 'phone']);
export const respondentEnum = pgEnum('survey_respondent', ['person', 'next_of_kin']);

/**
 * An invitation to answer once. It knows whom it was for (to avoid asking twice), but the
 * answer it leads to does not: `survey_response` holds only the team and the quarter.
 */
export const surveyLinks = pgTable(
  'survey_link',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** SHA-256 of the token in the link; the token itself is never stored. */
    tokenHash: text('token_hash').notNull().unique(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => recipients.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    channel: surveyChannelEnum('channel').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('survey_link_recipient_idx').on(t.recipientId)],
);

/**
 * One anonymous answer: items 1–5 (null = «vet ikke», absent = not answered), the open answer,
 * team and quarter only; written from `survey_held` in shuffled batches (ballot.ts), so no row
 * metadata (xmin, physical order, id) ties it to the link that was used up for it.
 */
export const surveyResponses = pgTable(
  'survey_response',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    /** Calendar quarter, e.g. 2026Q4: results are only ever shown per whole quarter. */
    quarter: text('quarter').notNull(),
    channel: surveyChannelEnum('channel').notNull(),
    respondent: respondentEnum('respondent').notNull(),
    answers: jsonb('answers').$type<Record<string, number | null>>().notNull(),
    openAnswer: text('open_answer'),
  },
  (t) => [index('survey_response_team_quarter_idx').on(t.teamId, t.quarter)],
);

/**
 * The ballot box of the survey: an answer waits here, with nothing but its cell, from the
 * transaction that uses up its link until it is written to `survey_response` in a shuffled
 * batch (ballot.ts). No time, no link, a random id.
 */
export const surveyHeld = pgTable('survey_held', {
  id: uuid('id').primaryKey().defaultRandom(),
  teamId: uuid('team_id')
    .notNull()
    .references(() => teams.id),
  quarter: text('quarter').notNull(),
  channel: surveyChannelEnum('channel').notNull(),
  respondent: respondentEnum('respondent').notNull(),
  answers: jsonb('answers').$type<Record<string, number | null>>().notNull(),
  openAnswer: text('open_answer'),
});
