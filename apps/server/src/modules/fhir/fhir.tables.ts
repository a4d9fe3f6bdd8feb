import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.ts';

/**
 * A system of the municipality that reads and writes through FHIR R4 (/fhir/R4), registered by an
 * administrator. It acts as the user it is bound to: the same record policy and audit rows as
 * that user in the app, narrowed further by its allowed SMART scopes.
 */
export const fhirClients = pgTable('fhir_client', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** The OAuth2 client_id the system sends; chosen by the administrator, unique. */
  clientId: text('client_id').notNull().unique(),
  name: text('name').notNull(),
  /** argon2id PHC string of the client secret (accounts' hashPassword); the secret is shown once. */
  secretHash: text('secret_hash').notNull(),
  /** SMART scopes the client may ask for, e.g. `user/Patient.read`, `user/Observation.write`. */
  scopes: text('scopes').array().notNull(),
  /** Whose access the client acts with. */
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

/** A short-lived opaque access token (client credentials grant); only its SHA-256 is kept. */
export const fhirTokens = pgTable(
  'fhir_token',
  {
    tokenHash: text('token_hash').primaryKey(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => fhirClients.id, { onDelete: 'cascade' }),
    /** The scopes granted: those asked for that the client is allowed (all allowed when none asked). */
    scopes: text('scopes').array().notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('fhir_token_client_idx').on(t.clientId)],
);
