/**
 * Links between users and their identities at the OpenID providers (external_identity). An
 * administrator links staff to the municipality's provider; the portal links a person served
 * to their national identity number at ID-porten when their log-in is made
 * (`linkExternalIdentity`, exported from index.ts). Nobody is linked by logging in.
 */
import type { LinkIdentityInput, SsoProvider } from '@tillit/contracts';
import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { conflict, forbidden, notFound } from '../../http/errors.ts';
import { appendAudit } from '../audit/index.ts';
import { users } from './accounts.tables.ts';
import { externalIdentities } from './oidc.tables.ts';

/**
 * Links `subject` at `provider` to a user, in the caller's transaction. Linking the same pair
 * again is a no-op; a subject already linked to another user is a 409 (one person, one user).
 */
export async function linkExternalIdentity(
  tx: DbOrTx,
  link: { provider: SsoProvider; subject: string; userId: string },
): Promise<{ createdAt: Date }> {
  const [created] = await tx
    .insert(externalIdentities)
    .values(link)
    .onConflictDoNothing()
    .returning({ createdAt: externalIdentities.createdAt });
  if (created) return created;
  const [existing] = await tx
    .select({ userId: externalIdentities.userId, createdAt: externalIdentities.createdAt })
    .from(externalIdentities)
    .where(and(eq(externalIdentities.provider, link.provider), eq(externalIdentities.subject, link.subject)));
  if (existing && existing.userId === link.userId) return existing;
  throw conflict('identity_taken', 'This identity is already linked to another user');
}

/** Only administrators link and unlink; a refusal is audited (outside the request's transaction). */
async function assertAdmin(db: Db, actor: Actor, action: string) {
  if (actor.role === 'admin') return;
  await appendAudit(db, {
    at: new Date(),
    actorUserId: actor.userId,
    actorName: actor.displayName,
    action: `${action}.refused`,
    recipientId: null,
    basis: 'denied',
    emergencyAccessId: null,
    details: { code: 'admin_only' },
  });
  throw forbidden('admin_only', 'Only administrators link users to the log-in service');
}

const auditAdmin = (tx: DbOrTx, actor: Actor, action: string, details: Record<string, unknown>) =>
  appendAudit(tx, {
    at: new Date(),
    actorUserId: actor.userId,
    actorName: actor.displayName,
    action,
    recipientId: null,
    basis: 'admin',
    emergencyAccessId: null,
    // The subject is left out: at some providers it is a national identity number.
    details,
  });

/** POST /api/admin/users/:userId/identities */
export async function adminLinkIdentity(db: Db, actor: Actor, userId: string, input: LinkIdentityInput) {
  await assertAdmin(db, actor, 'identity.link');
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
    if (!user) throw notFound('User');
    const { createdAt } = await linkExternalIdentity(tx, { provider: input.provider, subject: input.subject, userId });
    await auditAdmin(tx, actor, 'identity.link', { provider: input.provider, userId });
    return { provider: input.provider, userId, createdAt: createdAt.toISOString() };
  });
}

/** DELETE /api/admin/users/:userId/identities/:provider: the user no longer logs in through that provider. */
export async function adminUnlinkIdentity(db: Db, actor: Actor, userId: string, provider: SsoProvider) {
  await assertAdmin(db, actor, 'identity.unlink');
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(externalIdentities)
      .where(and(eq(externalIdentities.userId, userId), eq(externalIdentities.provider, provider)))
      .returning({ userId: externalIdentities.userId });
    await auditAdmin(tx, actor, 'identity.unlink', { provider, userId, removed: removed.length });
    return { removed: removed.length };
  });
}
