/**
 * The access log as administrators follow it up: every endpoint's input and output. The server
 * validates with these schemas (output through the zod serializer); the web app takes its types.
 */
import { z } from 'zod';

/** On what basis a person's data was touched; `denied` rows record refused attempts. */
export const auditBasis = z.enum(['care_relation', 'emergency', 'team_level', 'admin', 'denied', 'portal']);

/** GET /api/audit: filtered by person, actor or action, newest first, paged by `before` (a seq). */
export const auditQuery = z.object({
  recipientId: z.uuid().optional(),
  /** A name or national identity number, resolved to the people it names (the search is itself logged). */
  person: z.string().trim().min(2).max(100).optional(),
  actorUserId: z.uuid().optional(),
  action: z.string().max(100).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditQuery = z.infer<typeof auditQuery>;

/** One row of the log; the hash is shortened to its first 12 characters (enough to compare by eye). */
export const auditRow = z.object({
  seq: z.number(),
  chain: z.number(),
  chainSeq: z.number(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  recipientId: z.string().nullable(),
  basis: auditBasis,
  emergencyAccessId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  hash: z.string(),
  /** On a search by person: the person the row names. */
  person: z.object({ name: z.string(), birthDate: z.string() }).optional(),
});
export type AuditRow = z.infer<typeof auditRow>;
export const auditListResponse = z.array(auditRow);

/** GET /api/audit/verify: every chain intact, or the earliest break (by global seq) and why. */
export const auditVerifyResponse = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), rows: z.number() }),
  z.object({
    ok: z.literal(false),
    rows: z.number(),
    /** The first row that no longer links; null when the newest rows of a chain were removed. */
    firstBrokenSeq: z.number().nullable(),
    chainSeq: z.number(),
    reason: z.enum(['hash_mismatch', 'missing_row', 'head_mismatch']),
    chain: z.number(),
  }),
]);
export type AuditVerify = z.infer<typeof auditVerifyResponse>;
