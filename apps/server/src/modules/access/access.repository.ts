import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { decideRecordAccess, type Decision, type RecordAction } from './access.policy.ts';

export type Allowed = Extract<Decision, { allow: true }>;

/** Loads the facts the record policy needs in one query; null when the person does not exist. */
async function loadFacts(tx: DbOrTx, actor: Actor, recipientId: string) {
  const res = await tx.execute(sql`
    SELECT r.id,
           COALESCE((SELECT array_agg(rt.team_id::text) FROM recipient_team rt
                      WHERE rt.recipient_id = r.id AND rt.valid_from <= current_date
                        AND (rt.valid_until IS NULL OR rt.valid_until >= current_date)), '{}') AS teams,
           e.id AS emergency_id, e.reason AS emergency_reason, e.expires_at AS emergency_expires
      FROM recipient r
      LEFT JOIN LATERAL (
        SELECT id, reason, expires_at FROM emergency_access
         WHERE user_id = ${actor.userId} AND recipient_id = r.id AND expires_at > now()
         ORDER BY expires_at DESC LIMIT 1) e ON true
     WHERE r.id = ${recipientId}`);
  const row = res.rows[0] as Record<string, unknown> | undefined;
  if (!row) return null;
  const teams = Array.isArray(row.teams)
    ? (row.teams as string[])
    : String(row.teams).replace(/^\{|\}$/g, '').split(',').filter(Boolean);
  return {
    servingTeamIds: teams,
    emergency: row.emergency_id
      ? { id: row.emergency_id as string, reason: row.emergency_reason as string, expiresAt: new Date(row.emergency_expires as string) }
      : null,
  };
}

/** Writes the audit row for a refused attempt and returns the error to throw after commit. */
async function refuse(tx: DbOrTx, actor: Actor, recipientId: string, action: string, error: AppError): Promise<AppError> {
  await appendAudit(tx, {
    at: new Date(),
    actorUserId: actor.userId,
    actorName: actor.displayName,
    action,
    recipientId,
    basis: 'denied',
    emergencyAccessId: null,
    details: { refused: error.code },
  });
  return error;
}

/**
 * Runs `work` on one person's record only if the policy allows, and writes the audit row
 * (allowed or refused) in the same transaction. Every repository that touches a person's
 * data goes through here, so no route can skip the check or the log.
 */
export async function withRecordAccess<T>(
  db: DbOrTx,
  actor: Actor,
  recipientId: string,
  action: string,
  kind: RecordAction,
  work: (tx: DbOrTx, decision: Allowed) => Promise<{ result: T; details?: Record<string, unknown> }>,
): Promise<T> {
  const outcome = await db.transaction(async (tx) => {
    const facts = await loadFacts(tx, actor, recipientId);
    if (!facts) return { error: await refuse(tx, actor, recipientId, action, notFound('Person')) };
    const decision = decideRecordAccess(actor, facts, kind);
    if (!decision.allow) {
      const message =
        decision.code === 'no_care_relation'
          ? 'Your team does not serve this person. Use emergency access with a reason if you need the record now.'
          : decision.code === 'leader_team_level_only'
            ? 'Leaders see team-level data, not individual records.'
            : 'Administrators do not read individual records.';
      const error = forbidden(decision.code, message, { canBreakGlass: decision.canBreakGlass });
      return { error: await refuse(tx, actor, recipientId, action, error) };
    }
    const { result, details } = await work(tx, decision);
    await appendAudit(tx, {
      at: new Date(),
      actorUserId: actor.userId,
      actorName: actor.displayName,
      action,
      recipientId,
      basis: decision.basis,
      emergencyAccessId: decision.basis === 'emergency' ? decision.emergencyAccessId : null,
      details: { ...(details ?? {}), ...(decision.basis === 'emergency' ? { emergencyReason: decision.reason } : {}) },
    });
    return { result };
  });
  if ('error' in outcome) throw outcome.error;
  return outcome.result as T;
}
