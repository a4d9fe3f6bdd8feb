import { bigint, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** On what basis a person's data was touched. `denied` rows record refused attempts. */
export const auditBasisEnum = pgEnum('audit_basis', ['care_relation', 'emergency', 'team_level', 'admin', 'denied']);

/**
 * Append-only, hash-chained audit log. UPDATE and DELETE are refused by a trigger (see the
 * migration). `hash` = SHA-256(previous hash ‖ canonical text of this row), so an edited or
 * removed row breaks the chain from that point; `audit_head` holds the last seq and hash so
 * that removing the newest rows is caught too.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    recipientId: uuid('recipient_id'),
    basis: auditBasisEnum('basis').notNull(),
    emergencyAccessId: uuid('emergency_access_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_recipient_idx').on(t.recipientId, t.seq),
    index('audit_actor_idx').on(t.actorUserId, t.seq),
  ],
);

/** One row (id = 1): the head of the chain. Its row lock orders concurrent audit writes. */
export const auditHead = pgTable('audit_head', {
  id: integer('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});
