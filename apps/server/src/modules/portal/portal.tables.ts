import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.ts';
import { nextOfKin, recipients } from '../recipients/recipients.tables.ts';

/**
 * A citizen's log-in to «Min side»: the user (role `citizen`) is the person served themself
 * (`next_of_kin_id` null) or one of their next of kin. Made by a member of the serving team;
 * revoking keeps the row (who had access, and when, stays answerable).
 */
export const portalAccounts = pgTable(
  'portal_account',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .unique()
      .references(() => users.id),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => recipients.id, { onDelete: 'cascade' }),
    nextOfKinId: uuid('next_of_kin_id').references(() => nextOfKin.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    // One live log-in for the person themself and one per next of kin: two members creating it
    // at once get one 201 and one 409 (portal.race.db.test.ts).
    uniqueIndex('portal_account_self_idx').on(t.recipientId).where(sql`next_of_kin_id IS NULL AND revoked_at IS NULL`),
    uniqueIndex('portal_account_kin_idx').on(t.nextOfKinId).where(sql`revoked_at IS NULL`),
  ],
);

export const consentGivenViaEnum = pgEnum('portal_consent_via', ['portal', 'in_person']);

/**
 * The person's consent that one next of kin may see their pages (pasientrettighetsloven § 3-6,
 * helsepersonelloven § 22). Given by the person through the portal, or recorded by staff when
 * given in person; revoked the same two ways. Checked on every request (no cache).
 */
export const portalConsents = pgTable(
  'portal_consent',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => recipients.id, { onDelete: 'cascade' }),
    nextOfKinId: uuid('next_of_kin_id')
      .notNull()
      .references(() => nextOfKin.id, { onDelete: 'cascade' }),
    givenAt: timestamp('given_at', { withTimezone: true }).notNull().defaultNow(),
    givenBy: uuid('given_by')
      .notNull()
      .references(() => users.id),
    givenVia: consentGivenViaEnum('given_via').notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id),
  },
  (t) => [
    // At most one live consent per next of kin.
    uniqueIndex('portal_consent_live_idx').on(t.nextOfKinId).where(sql`revoked_at IS NULL`),
    index('portal_consent_recipient_idx').on(t.recipientId),
  ],
);

/** A message from the person (or their next of kin) to the serving team; shown on the record. */
export const portalMessages = pgTable(
  'portal_message',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => recipients.id, { onDelete: 'cascade' }),
    sentBy: uuid('sent_by')
      .notNull()
      .references(() => users.id),
    text: text('text').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('portal_message_recipient_idx').on(t.recipientId, t.sentAt)],
);
