import { sql } from 'drizzle-orm';
import { boolean, date, doublePrecision, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { staff, teams } from '../organisation/organisation.tables.ts';

/** A person receiving care (bruker / tjenestemottaker). FHIR: Patient. */
export const recipients = pgTable(
  'recipient',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    birthDate: date('birth_date').notNull(),
    nationalId: text('national_id').notNull().unique(),
    addressLine: text('address_line').notNull(),
    postalCode: text('postal_code').notNull(),
    city: text('city').notNull(),
    lat: doublePrecision('lat').notNull(),
    lon: doublePrecision('lon').notNull(),
    phone: text('phone'),
    /** Consent to share information with next of kin (helsepersonelloven § 22 / pasientrettighetsloven). */
    consentShareWithNextOfKin: boolean('consent_share_with_next_of_kin').notNull().default(false),
    /**
     * The person objects to sharing within the team beyond what each visit needs
     * (helsepersonelloven § 25). The record shows the reservation prominently.
     */
    reservationAgainstSharing: boolean('reservation_against_sharing').notNull().default(false),
    reservationNote: text('reservation_note'),
    primaryContactStaffId: uuid('primary_contact_staff_id').references(() => staff.id),
    /** Optimistic concurrency: every update must name the version it was based on. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('recipient_name_idx').on(t.familyName, t.givenName)],
);

/** Which team serves the person from when (the care relation that opens the record). */
export const recipientTeams = pgTable(
  'recipient_team',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => recipients.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    validFrom: date('valid_from').notNull().default(sql`current_date`),
    validUntil: date('valid_until'),
  },
  (t) => [index('recipient_team_team_idx').on(t.teamId), index('recipient_team_recipient_idx').on(t.recipientId)],
);

/** Pårørende. FHIR: RelatedPerson. */
export const nextOfKin = pgTable(
  'next_of_kin',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => recipients.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    relation: text('relation').notNull(),
    phone: text('phone'),
    /** The closest next of kin (nærmeste pårørende) has particular rights. */
    isClosest: boolean('is_closest').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('next_of_kin_recipient_idx').on(t.recipientId)],
);
