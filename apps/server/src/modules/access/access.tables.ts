import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.ts';
import { recipients } from '../recipients/recipients.tables.ts';

/** "Break the glass": time-limited access outside the care relation, with a written reason. */
export const emergencyAccesses = pgTable(
  'emergency_access',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => recipients.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    followedUpAt: timestamp('followed_up_at', { withTimezone: true }),
    followedUpBy: uuid('followed_up_by').references(() => users.id),
    followUpNote: text('follow_up_note'),
  },
  (t) => [index('emergency_access_lookup_idx').on(t.userId, t.recipientId, t.expiresAt)],
);
