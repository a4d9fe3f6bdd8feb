import { reportingKinds, reportingOutcomes } from '@tillit/contracts';
import { sql } from 'drizzle-orm';
import { check, index, integer, numeric, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.ts';
import { municipalities, teams } from '../organisation/organisation.tables.ts';

export const reportingKind = pgEnum('reporting_kind', reportingKinds);
export const reportingStatus = pgEnum('reporting_status', ['open', 'proposed', 'decided']);
export const reportingOutcome = pgEnum('reporting_outcome', reportingOutcomes);

/**
 * The reporting register («meningssamlingen»): a report, a form or a rule someone says costs time
 * without informing a decision. Visible to everyone in the municipality; it holds no data about
 * the people served. A decision is proposed by one side (a team member, or a leader or
 * administrator) and confirmed by the other: leaders and teams decide together.
 */
export const reportingItems = pgTable(
  'reporting_item',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    title: text('title').notNull(),
    kind: reportingKind('kind').notNull(),
    /** Who asks for it (an agency, a leader level, a system). */
    askedBy: text('asked_by').notNull(),
    /** Which decision it informs, in the words of whoever named it ("none that we know of" is an answer). */
    informs: text('informs').notNull(),
    /** Its legal basis if any (a law and section), or null. */
    legalBasis: text('legal_basis'),
    namedBy: uuid('named_by')
      .notNull()
      .references(() => users.id),
    namedAt: timestamp('named_at', { withTimezone: true }).notNull().defaultNow(),
    status: reportingStatus('status').notNull().default('open'),
    outcome: reportingOutcome('outcome'),
    /** Why: required for every outcome, and what keeps a "keep" honest. */
    reason: text('reason'),
    /** The hours per month it still costs after the decision (0 when removed or derived). */
    hoursAfter: numeric('hours_after', { precision: 7, scale: 1, mode: 'number' }),
    proposedBy: uuid('proposed_by').references(() => users.id),
    proposedAt: timestamp('proposed_at', { withTimezone: true }),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('reporting_item_municipality_idx').on(t.municipalityId),
    // A proposal or a decision always carries its outcome, its reason and the hours left.
    check(
      'reporting_item_decision_complete',
      sql`${t.status} = 'open' OR (${t.outcome} IS NOT NULL AND ${t.reason} IS NOT NULL AND ${t.hoursAfter} IS NOT NULL AND ${t.proposedBy} IS NOT NULL)`,
    ),
    check('reporting_item_confirmed_by_other', sql`${t.confirmedBy} IS NULL OR ${t.confirmedBy} <> ${t.proposedBy}`),
  ],
);

/** A team's estimate of the hours per month the item costs it; one per team, re-estimated in place. */
export const reportingEstimates = pgTable(
  'reporting_estimate',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => reportingItems.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    hoursPerMonth: numeric('hours_per_month', { precision: 7, scale: 1, mode: 'number' }).notNull(),
    estimatedBy: uuid('estimated_by')
      .notNull()
      .references(() => users.id),
    estimatedAt: timestamp('estimated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('reporting_estimate_item_team').on(t.itemId, t.teamId),
    check('reporting_estimate_hours', sql`${t.hoursPerMonth} >= 0 AND ${t.hoursPerMonth} <= 10000`),
  ],
);
