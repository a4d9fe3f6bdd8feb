import { requesterKinds } from '@tillit/contracts';
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.ts';
import { serviceDecisions, serviceTypeEnum } from '../decisions/decisions.tables.ts';
import { teams } from '../organisation/organisation.tables.ts';
import { recipients } from '../recipients/recipients.tables.ts';

export const requesterKindEnum = pgEnum('requester_kind', requesterKinds);

/**
 * Søknad / henvendelse: a request for services, registered by the receiving team as it arrives.
 * It names a person served (`recipient_id`) or someone not yet registered (name and a national
 * identity number or birth date); `arrived_at` is when it came in, `registered_at` when it was
 * typed (an earlier day says why in `late_reason`). The decision answering it is linked from here:
 * this module never writes the decisions module's table.
 */
export const serviceRequests = pgTable(
  'service_request',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    requesterKind: requesterKindEnum('requester_kind').notNull(),
    requesterName: text('requester_name'),
    recipientId: uuid('recipient_id').references(() => recipients.id, { onDelete: 'cascade' }),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    nationalId: text('national_id'),
    birthDate: date('birth_date'),
    phone: text('phone'),
    addressLine: text('address_line'),
    services: serviceTypeEnum('services').array().notNull(),
    description: text('description').notNull(),
    arrivedAt: timestamp('arrived_at', { withTimezone: true }).notNull(),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
    registeredBy: uuid('registered_by')
      .notNull()
      .references(() => users.id),
    lateReason: text('late_reason'),
    decisionId: uuid('decision_id').references(() => serviceDecisions.id),
    linkedAt: timestamp('linked_at', { withTimezone: true }),
    linkedBy: uuid('linked_by').references(() => users.id),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('service_request_team_idx').on(t.teamId, t.arrivedAt),
    index('service_request_recipient_idx').on(t.recipientId),
    index('service_request_decision_idx').on(t.decisionId),
    check('service_request_arrived_before_registered', sql`${t.arrivedAt} <= ${t.registeredAt}`),
    check(
      'service_request_identifies',
      sql`${t.recipientId} IS NOT NULL OR ${t.nationalId} IS NOT NULL OR ${t.birthDate} IS NOT NULL`,
    ),
  ],
);
