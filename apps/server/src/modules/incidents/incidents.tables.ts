import { INCIDENT_THEMES } from '@tillit/contracts';
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.ts';
import { measures } from '../care/care.tables.ts';
import { teams } from '../organisation/organisation.tables.ts';
import { recipients } from '../recipients/recipients.tables.ts';

export const incidentStateEnum = pgEnum('incident_state', ['reported', 'reviewed', 'closed']);

/** What an incident is about, for the leaders' counts (themes, never people). */
export const incidentThemeEnum = pgEnum('incident_theme', INCIDENT_THEMES);

/**
 * Avvik: reported by anyone in the team (forskrift om ledelse og kvalitetsforbedring § 8), reviewed
 * at the board meeting and closed with what the team learned and changes. About a person when
 * `recipient_id` is set: then it belongs to that person's record access.
 */
export const incidents = pgTable(
  'incident',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    recipientId: uuid('recipient_id').references(() => recipients.id, { onDelete: 'cascade' }),
    measureId: uuid('measure_id').references(() => measures.id),
    /** A dose given or not (medicines module); no foreign key until that module is merged. */
    doseAdministrationId: uuid('dose_administration_id'),
    theme: incidentThemeEnum('theme').notNull(),
    whatHappened: text('what_happened').notNull(),
    consequence: text('consequence').notNull(),
    immediateAction: text('immediate_action').notNull(),
    reportedBy: uuid('reported_by')
      .notNull()
      .references(() => users.id),
    /** The reporter's name is not shown to the team either (leaders never see names). */
    anonymous: boolean('anonymous').notNull().default(false),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull().defaultNow(),
    state: incidentStateEnum('state').notNull().default('reported'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewNote: text('review_note'),
    closedBy: uuid('closed_by').references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    learned: text('learned'),
    change: text('change'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('incident_team_state_idx').on(t.teamId, t.state),
    index('incident_recipient_idx').on(t.recipientId),
    check(
      'incident_closed_learned',
      sql`${t.state} <> 'closed' OR (${t.learned} IS NOT NULL AND ${t.change} IS NOT NULL)`,
    ),
  ],
);
