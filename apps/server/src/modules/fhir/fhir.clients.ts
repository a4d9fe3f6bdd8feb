/**
 * FHIR clients and their tokens: an administrator registers a system bound to a user; the
 * system trades its id and secret for a short-lived opaque bearer token (client credentials).
 * Secrets are argon2id hashes (accounts' hashPassword), tokens SHA-256 hashes, like sessions.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { RegisterFhirClient } from '@tillit/contracts';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, badInput, forbidden } from '../../http/errors.ts';
import { dummyHash, hashPassword, loadUserActor, verifyPassword } from '../accounts/index.ts';
import { users } from '../accounts/accounts.readmodel.ts';
import { appendAudit } from '../audit/index.ts';
import { grantedScopes } from './fhir.scopes.ts';
import { fhirClients, fhirTokens } from './fhir.tables.ts';

/** Tokens live five minutes: a system asks again, and a revoked client stops within that. */
export const TOKEN_SECONDS = 300;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** An OAuth2 error (RFC 6749 §5.2) as the token endpoint answers it. */
export class OAuthError extends AppError {
  constructor(status: number, code: string, message: string) {
    super(status, code, message, { oauth: true });
  }
}

function assertAdmin(actor: Actor) {
  if (actor.role !== 'admin') throw forbidden('admin_only', 'Only administrators manage FHIR clients');
}

type ClientRow = typeof fhirClients.$inferSelect & { actsAs: string };
const view = (c: ClientRow) => ({
  id: c.id,
  clientId: c.clientId,
  name: c.name,
  actsAs: c.actsAs,
  scopes: c.scopes,
  createdAt: c.createdAt.toISOString(),
  revoked: c.revokedAt !== null,
});

export async function registerClient(db: Db, actor: Actor, body: RegisterFhirClient) {
  assertAdmin(actor);
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.username, body.actsAs.toLowerCase()));
  if (!user) throw badInput([{ field: 'actsAs', code: 'unknown_user', message: 'No user with that username' }]);
  const secret = randomBytes(32).toString('base64url');
  const secretHash = await hashPassword(secret);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(fhirClients)
      .values({ ...body, secretHash, userId: user.id, createdBy: actor.userId })
      .returning();
    await appendAudit(tx, {
      at: new Date(),
      actorUserId: actor.userId,
      actorName: actor.displayName,
      action: 'fhir.client.register',
      recipientId: null,
      basis: 'admin',
      emergencyAccessId: null,
      details: { clientId: row.clientId, actsAs: user.id, scopes: row.scopes },
    });
    return { ...view({ ...row, actsAs: body.actsAs.toLowerCase() }), clientSecret: secret };
  });
}

export async function listClients(db: Db, actor: Actor) {
  assertAdmin(actor);
  const rows = await db
    .select({ client: fhirClients, actsAs: users.username })
    .from(fhirClients)
    .innerJoin(users, eq(users.id, fhirClients.userId))
    .orderBy(desc(fhirClients.createdAt));
  return { clients: rows.map((r) => view({ ...r.client, actsAs: r.actsAs })) };
}

export async function revokeClient(db: Db, actor: Actor, id: string) {
  assertAdmin(actor);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(fhirClients)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(fhirClients.id, id), isNull(fhirClients.revokedAt)))
      .returning({ clientId: fhirClients.clientId });
    if (!row) throw new AppError(404, 'not_found', 'No such active client');
    await tx.delete(fhirTokens).where(eq(fhirTokens.clientId, id));
    await appendAudit(tx, {
      at: new Date(),
      actorUserId: actor.userId,
      actorName: actor.displayName,
      action: 'fhir.client.revoke',
      recipientId: null,
      basis: 'admin',
      emergencyAccessId: null,
      details: { clientId: row.clientId },
    });
    return { revoked: true };
  });
}

export interface TokenRequest {
  clientId: string;
  secret: string;
  scope?: string;
}

/** Client credentials → a token. An unknown client and a wrong secret answer alike (and take as long). */
export async function issueToken(db: Db, req: TokenRequest) {
  const [client] = await db
    .select()
    .from(fhirClients)
    .where(and(eq(fhirClients.clientId, req.clientId), isNull(fhirClients.revokedAt)));
  const ok = await verifyPassword(client?.secretHash ?? (await dummyHash()), req.secret);
  if (!client || !ok) throw new OAuthError(401, 'invalid_client', 'Unknown client or wrong secret');
  const scopes = grantedScopes(req.scope, client.scopes);
  if (scopes.length === 0) throw new OAuthError(400, 'invalid_scope', 'None of the asked scopes is allowed');
  const token = randomBytes(32).toString('base64url');
  // The expiry is a duration on the database's clock, like sessions'.
  await db.insert(fhirTokens).values({
    tokenHash: sha256(token),
    clientId: client.id,
    scopes,
    expiresAt: sql`now() + make_interval(secs => ${TOKEN_SECONDS})`,
  });
  // Spent tokens are swept as new ones are made, so the table stays small.
  await db.delete(fhirTokens).where(and(eq(fhirTokens.clientId, client.id), sql`${fhirTokens.expiresAt} < now()`));
  return { access_token: token, token_type: 'Bearer' as const, expires_in: TOKEN_SECONDS, scope: scopes.join(' ') };
}

/** The gate's look-up: a live token of a client not revoked → its scopes and the bound user as actor. */
export async function loadFhirActor(
  db: Db,
  token: string,
  now: Date,
): Promise<{ actor: Actor; scopes: string[] } | null> {
  const [row] = await db
    .select({ scopes: fhirTokens.scopes, userId: fhirClients.userId })
    .from(fhirTokens)
    .innerJoin(fhirClients, eq(fhirClients.id, fhirTokens.clientId))
    .where(
      and(eq(fhirTokens.tokenHash, sha256(token)), gt(fhirTokens.expiresAt, sql`now()`), isNull(fhirClients.revokedAt)),
    );
  if (!row) return null;
  const actor = await loadUserActor(db, row.userId, now);
  return actor ? { actor, scopes: row.scopes } : null;
}
