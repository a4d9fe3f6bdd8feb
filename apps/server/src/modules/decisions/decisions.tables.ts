import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.ts';
import { teams } from '../organisation/organisation.tables.ts';
import { recipients } from '../recipients/recipients.tables.ts';

/** Service types a home-care team grants (helse- og omsorgstjenesteloven § 3-2 første ledd nr. 6). */
export const serviceTypeEnum = pgEnum('service_type', [
  'hjemmesykepleie',
  'praktisk_bistand',
  'opplaering',
  'trygghetsalarm',
]);

/** The frame delegated to a team: how many hours a week per person it may grant on its own. */
export const teamFrames = pgTable(
  'team_frame',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    serviceType: serviceTypeEnum('service_type').notNull(),
    maxHoursPerWeek: numeric('max_hours_per_week', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.serviceType] })],
);

export const decisionStatusEnum = pgEnum('decision_status', ['active', 'awaiting_cosign', 'superseded']);

/**
 * Vedtak (enkeltvedtak): the formal grant of a service and its scope, with the person's
 * needs and wishes, the reasons and the legal basis. Within the team's frame it takes effect
 * at once; beyond it, it waits for a second team member's co-signature.
 */
export const serviceDecisions = pgTable(
  'service_decision',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => recipients.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    serviceType: serviceTypeEnum('service_type').notNull(),
    hoursPerWeek: numeric('hours_per_week', { mode: 'number' }).notNull(),
    validFrom: date('valid_from').notNull(),
    validUntil: date('valid_until'),
    needsAndWishes: text('needs_and_wishes').notNull(),
    reasons: text('reasons').notNull(),
    legalBasis: text('legal_basis').notNull(),
    withinFrame: boolean('within_frame').notNull(),
    status: decisionStatusEnum('status').notNull(),
    decidedBy: uuid('decided_by')
      .notNull()
      .references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
    cosignedBy: uuid('cosigned_by').references(() => users.id),
    cosignedAt: timestamp('cosigned_at', { withTimezone: true }),
  },
  (t) => [
    index('service_decision_recipient_idx').on(t.recipientId),
    index('service_decision_team_status_idx').on(t.teamId, t.status),
    // One decision of a service in force per person: concurrent decisions and co-signatures cannot both win.
    uniqueIndex('service_decision_one_active_idx').on(t.recipientId, t.serviceType).where(sql`status = 'active'`),
  ],
);
