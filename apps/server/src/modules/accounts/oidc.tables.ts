import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.tables.ts';

/**
 * Who a person is at an OpenID provider, mapped to a user of Tillit. `provider` is the
 * configured provider's name (`staff`, `eid`); `subject` the claim that names the person there
 * (`sub` at the municipality's provider, the national identity number `pid` at ID-porten).
 * A subject belongs to one user; nobody is created from a log-in (no auto-provisioning).
 */
export const externalIdentities = pgTable(
  'external_identity',
  {
    provider: text('provider').notNull(),
    subject: text('subject').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.subject] }), index('external_identity_user_idx').on(t.userId)],
);

/**
 * A log-in started at a provider and not yet come back. The state is stored hashed (it travels
 * in the address); the row is deleted when the callback arrives (`DELETE … RETURNING`), so a
 * state works once. `browser_hash` ties it to the browser that started it (a cookie), so a
 * callback address sent to someone else logs nobody in.
 */
export const oidcLoginAttempts = pgTable('oidc_login_attempt', {
  stateHash: text('state_hash').primaryKey(),
  browserHash: text('browser_hash').notNull(),
  provider: text('provider').notNull(),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
