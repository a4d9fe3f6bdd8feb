import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { districts, staff } from '../organisation/organisation.tables.ts';

/** Access roles. Profession does not decide access; the care relation does. */
/** `citizen`: a person served or their next of kin on «Min side» (modules/portal); the gate lets them reach only `access.citizen()` routes. */
export const roleEnum = pgEnum('role', ['member', 'leader', 'admin', 'citizen']);

export const users = pgTable('user_account', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').notNull().unique(),
  /** argon2id PHC string. */
  passwordHash: text('password_hash').notNull(),
  role: roleEnum('role').notNull(),
  displayName: text('display_name').notNull(),
  staffId: uuid('staff_id').references(() => staff.id),
  districtId: uuid('district_id').references(() => districts.id),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Server-side sessions so app servers stay stateless; the cookie carries only a random token. */
export const sessions = pgTable(
  'session',
  {
    /** SHA-256 of the cookie token, so a leaked table does not leak live sessions. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('session_user_idx').on(t.userId)],
);

/**
 * Failed log-ins per username and per client address, shared by every app server through the
 * database. `key` is a SHA-256 of `user:<name>` or `addr:<ip>`: the table never holds a
 * username someone mistyped (often a password) or an address in clear.
 */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  /** Attempts counted since the count last started again (a success takes its own back). */
  failures: integer('failures').notNull(),
  lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }).notNull(),
  /** No attempt is checked before this moment; it doubles with each failure past the limit. */
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});
