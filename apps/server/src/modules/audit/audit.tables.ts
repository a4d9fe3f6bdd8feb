import {
  bigint,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** On what basis a person's data was touched. `denied` rows record refused attempts; `portal`: the person or a next of kin with consent on «Min side». */
export const auditBasisEnum = pgEnum('audit_basis', [
  'care_relation',
  'emergency',
  'team_level',
  'admin',
  'denied',
  'portal',
]);

/**
 * Append-only, hash-chained audit log. UPDATE and DELETE are refused by a trigger (see the
 * migration). Rows form AUDIT_CHAINS parallel chains: within chain c, row n carries
 * hash = SHA-256(hash of row n-1 ‖ canonical text of row n), so an edited or removed row
 * breaks its chain from that point, and `audit_head` (one row per chain) holds the last
 * chainSeq and hash so that removing the newest rows is caught too. Several chains exist
 * because a writer holds its chain head's row lock until commit: one chain would let only
 * one audited transaction commit at a time.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    /** Global order of insertion, for display and paging. */
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    chain: smallint('chain').notNull(),
    chainSeq: bigint('chain_seq', { mode: 'number' }).notNull(),
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
    uniqueIndex('audit_chain_seq_idx').on(t.chain, t.chainSeq),
    index('audit_recipient_idx').on(t.recipientId, t.seq),
    index('audit_actor_idx').on(t.actorUserId, t.seq),
  ],
);

/** Number of parallel chains; fixed by the migration that creates their heads. */
export const AUDIT_CHAINS = 16;

/** One row per chain (id = chain number): its head. The row lock orders writers on that chain. */
export const auditHead = pgTable('audit_head', {
  id: integer('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});
