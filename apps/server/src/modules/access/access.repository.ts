import { sql, type SQL } from 'drizzle-orm';
import { pgArray } from '../../db/arrays.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { appendAudit } from '../audit/index.ts';
import { validOn } from '../../time/sql.ts';
import { auditWriterFor } from '../audit/index.ts';
import { decideRecordAccess, type Decision, type RecordAction, type RecordFacts } from './access.policy.ts';

export type Allowed = Extract<Decision, { allow: true }>;

/**
 * The columns the record policy needs, selected next to `recipient r`, for the acting user
 * `userId` on the Oslo date `today` (each a value, or a placeholder in a prepared statement).
 * Lists that name several people (the day list, plan changes) select them per row and judge
 * each row.
 */
export function factColumnsFor(userId: unknown, today: unknown) {
  return {
    teams: sql<unknown>`COALESCE((SELECT array_agg(rt.team_id::text) FROM recipient_team rt
                  WHERE rt.recipient_id = r.id AND ${validOn('rt', sql`${today}::date`)}), '{}')`,
    emergency: sql<unknown>`(SELECT json_build_object('id', e.id, 'reason', e.reason, 'expiresAt', e.expires_at)
               FROM emergency_access e
              WHERE e.user_id = ${userId} AND e.recipient_id = r.id AND e.expires_at > now()
              ORDER BY e.expires_at DESC LIMIT 1)`,
  };
}

/**
 * The fact columns with placeholders `userId`, `recipientId` and `today` (the actor's Oslo
 * date). Shared by the write path (alone) and the read path (together with the data, so a
 * read is one statement).
 */
export const factColumns = factColumnsFor(sql.placeholder('userId'), sql.placeholder('today'));
export const recipientById = sql`r.id = ${sql.placeholder('recipientId')}`;

/** Turns the fact columns of a row into the policy's input. */
export function parseFacts(row: { teams: unknown; emergency: unknown }): RecordFacts {
  const teams = pgArray(row.teams);
  const e = (typeof row.emergency === 'string' ? JSON.parse(row.emergency) : row.emergency) as {
    id: string;
    reason: string;
    expiresAt: string;
  } | null;
  return {
    servingTeamIds: teams,
    emergency: e ? { id: e.id, reason: e.reason, expiresAt: new Date(e.expiresAt) } : null,
  };
}

async function loadFacts(tx: DbOrTx, actor: Actor, recipientId: string): Promise<RecordFacts | null> {
  // Prepared: planned once per connection, as it runs before every record write.
  const [row] = await tx
    .select(factColumns)
    .from(sql`recipient r`)
    .where(recipientById)
    .prepare('record_access_facts')
    .execute({ userId: actor.userId, recipientId, today: actor.today });
  return row ? parseFacts(row) : null;
}

/** Applies the policy; on refusal returns the error to throw (after its audit row is written). */
function judge(
  actor: Actor,
  facts: RecordFacts | null,
  kind: RecordAction,
): { decision: Allowed } | { error: AppError } {
  if (!facts) return { error: notFound('Person') };
  const decision = decideRecordAccess(actor, facts, kind);
  if (decision.allow) return { decision };
  return { error: forbidden(decision.code, REFUSALS[decision.code], { canBreakGlass: decision.canBreakGlass }) };
}

const REFUSALS: Record<Extract<Decision, { allow: false }>['code'], string> = {
  no_care_relation:
    'Your team does not serve this person. Use emergency access with a reason if you need the record now.',
  serving_team_only: 'Only the team serving this person can do this; emergency access does not cover it.',
  leader_team_level_only: 'Leaders see team-level data, not individual records.',
  admin_no_record_access: 'Administrators do not read individual records.',
};

function auditRow(
  actor: Actor,
  recipientId: string,
  action: string,
  outcome: { decision: Allowed } | { error: AppError },
  details = {},
) {
  const d = 'decision' in outcome ? outcome.decision : null;
  return {
    at: new Date(),
    actorUserId: actor.userId,
    actorName: actor.displayName,
    action,
    recipientId,
    basis: d ? d.basis : ('denied' as const),
    emergencyAccessId: d?.basis === 'emergency' ? d.emergencyAccessId : null,
    details: !d
      ? { refused: (outcome as { error: AppError }).error.code }
      : { ...details, ...(d.basis === 'emergency' ? { emergencyReason: d.reason } : {}) },
  };
}

/**
 * A write to one person's record: runs `work` only if the policy allows, and writes the
 * audit row (allowed or refused) in the same transaction. If `work` throws, nothing of it
 * remains; if it throws an AppError (a stale version, a check on the way), the attempt is
 * still logged, in a row of its own committed after the rollback: a refusal may show the
 * record (a 409 carries the current values), and no view of a record goes unlogged.
 */
export async function withRecordAccess<T>(
  db: DbOrTx,
  actor: Actor,
  recipientId: string,
  action: string,
  kind: RecordAction,
  work: (tx: DbOrTx, decision: Allowed) => Promise<{ result: T; details?: Record<string, unknown> }>,
): Promise<T> {
  let allowed: Allowed | null = null;
  let outcome: { error: AppError } | { result: T };
  try {
    outcome = await db.transaction(async (tx) => {
      const judged = judge(actor, await loadFacts(tx, actor, recipientId), kind);
      if ('error' in judged) {
        await appendAudit(tx, auditRow(actor, recipientId, action, judged));
        return { error: judged.error };
      }
      allowed = judged.decision;
      const { result, details } = await work(tx, judged.decision);
      await appendAudit(tx, auditRow(actor, recipientId, action, judged, details));
      return { result };
    });
  } catch (err) {
    if (allowed && err instanceof AppError) {
      const decision: Allowed = allowed;
      await db.transaction((tx) =>
        appendAudit(tx, auditRow(actor, recipientId, action, { decision }, failedDetails(err))),
      );
    }
    throw err;
  }
  if ('error' in outcome) throw outcome.error;
  return outcome.result;
}

/** What the log says about an allowed write that was refused on the way: why, and which fields its answer showed. */
function failedDetails(err: AppError): Record<string, unknown> {
  const shown = err.extra.current;
  return {
    refused: err.code,
    ...(shown && typeof shown === 'object' ? { shown: Object.keys(shown).filter((k) => k !== 'version') } : {}),
  };
}

type ReadStatement = { execute(params: Record<string, unknown>): Promise<Record<string, unknown>[]> };
/** Read statements built once per database handle and name (building the SQL cost more than running it). */
const readStatements = new WeakMap<Db, Map<string, ReadStatement>>();

function readStatement(db: Db, statementName: string, data: Record<string, SQL>): ReadStatement {
  let byName = readStatements.get(db);
  if (!byName) {
    byName = new Map();
    readStatements.set(db, byName);
  }
  let statement = byName.get(statementName);
  if (!statement) {
    statement = db
      .select({ ...factColumns, ...data })
      .from(sql`recipient r`)
      .where(recipientById)
      .prepare(statementName) as unknown as ReadStatement;
    byName.set(statementName, statement);
  }
  return statement;
}

/**
 * A read of one person's record: one prepared statement fetches the policy facts together
 * with the data, then the audit row is committed (grouped with concurrent reads' rows by
 * the AuditWriter), and only then is the data released; a refused read returns nothing but
 * its audit row. No read leaves without its committed audit row; writes use withRecordAccess.
 * `data` is a map of extra columns selected next to `recipient r` (placeholders as above);
 * `statementName` names that selection: the statement is built on first use and kept.
 */
export async function readWithAccess<C extends Record<string, SQL>>(
  db: Db,
  actor: Actor,
  recipientId: string,
  action: string,
  statementName: string,
  data: C,
  params: Record<string, unknown> = {},
): Promise<{ row: { [K in keyof C]: unknown }; decision: Allowed; facts: RecordFacts }> {
  const [row] = await readStatement(db, statementName, data).execute({
    ...params,
    userId: actor.userId,
    recipientId,
    today: actor.today,
  });
  const facts = row ? parseFacts(row as { teams: unknown; emergency: unknown }) : null;
  const judged = judge(actor, facts, 'read');
  await auditWriterFor(db).append(auditRow(actor, recipientId, action, judged));
  if ('error' in judged) throw judged.error;
  return { row: row as { [K in keyof C]: unknown }, decision: judged.decision, facts: facts! };
}
