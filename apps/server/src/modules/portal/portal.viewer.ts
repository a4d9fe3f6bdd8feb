import { sql } from 'drizzle-orm';
import { type Db, type DbOrTx, rowsOf } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { forbidden } from '../../http/errors.ts';
import { refusal } from '../access/index.ts';
import { type AuditEntry, auditWriterFor } from '../audit/index.ts';

/** Who a citizen is on «Min side»: the person their portal account names, and as whom. */
export interface Viewer {
  recipientId: string;
  /** Null: the person themself. */
  nextOfKinId: string | null;
  /** The person themself always; a next of kin only with a live consent. */
  consent: boolean;
}

/**
 * Read on every request, never cached: a revoked consent or log-in takes effect on the next
 * request (the gate's session cache of ≤ 5 s only holds the user and role, not this).
 */
export async function loadViewer(db: DbOrTx, userId: string): Promise<Viewer | null> {
  const [row] = rowsOf<Viewer>(
    await db.execute(sql`SELECT a.recipient_id AS "recipientId", a.next_of_kin_id AS "nextOfKinId",
                                (a.next_of_kin_id IS NULL OR EXISTS (
                                   SELECT 1 FROM portal_consent c
                                    WHERE c.next_of_kin_id = a.next_of_kin_id AND c.recipient_id = a.recipient_id
                                      AND c.revoked_at IS NULL)) AS consent
                           FROM portal_account a
                          WHERE a.user_id = ${userId} AND a.revoked_at IS NULL`),
  );
  return row ?? null;
}

/** The audit row of a citizen's act on «Min side»: basis `portal`, naming the person. */
export function portalAudit(
  actor: Actor,
  viewer: Viewer,
  action: string,
  details: Record<string, unknown> = {},
): AuditEntry {
  return {
    at: new Date(),
    actorUserId: actor.userId,
    actorName: actor.displayName,
    action,
    recipientId: viewer.recipientId,
    basis: 'portal',
    emergencyAccessId: null,
    details: { ...details, ...(viewer.nextOfKinId ? { nextOfKin: true } : {}) },
  };
}

/**
 * The door to the person's data for a citizen. No live portal account: 403 with a `denied`
 * row. A next of kin without the person's live consent: 403 `consent_missing` with a `denied`
 * row naming the person (the person sees the attempt in their access log), and nothing of them.
 */
export async function openFor(db: Db, actor: Actor, action: string): Promise<Viewer> {
  const viewer = await loadViewer(db, actor.userId);
  if (!viewer) throw await refusal(db, actor, action, forbidden('no_portal_account', 'This log-in has no pages'));
  if (!viewer.consent) {
    const error = forbidden('consent_missing', 'The person has not given consent');
    await auditWriterFor(db).append({
      ...portalAudit(actor, viewer, action),
      basis: 'denied',
      details: { refused: error.code },
    });
    throw error;
  }
  return viewer;
}

/** A citizen's read: the door, the data, then the audit row committed before the data leaves. */
export async function portalRead<T>(
  db: Db,
  actor: Actor,
  action: string,
  fetch: (viewer: Viewer) => Promise<T>,
): Promise<T> {
  const viewer = await openFor(db, actor, action);
  const data = await fetch(viewer);
  await auditWriterFor(db).append(portalAudit(actor, viewer, action));
  return data;
}
