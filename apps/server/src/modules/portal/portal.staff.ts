import type { PortalAccountInput } from '@tillit/contracts';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { type Db, type DbOrTx, rowsOf } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { badInput, conflict } from '../../http/errors.ts';
import { withRecordAccess } from '../access/index.ts';
import { createUser, linkExternalIdentity } from '../accounts/index.ts';
import { nextOfKinOf } from '../recipients/index.ts';
import { consentsOf, messagesOf } from './portal.data.ts';
import { portalAccounts, portalConsents } from './portal.tables.ts';

export interface NewPortalLogin {
  recipientId: string;
  /** Null: the person themself; otherwise one of their next of kin (checked here). */
  nextOfKinId: string | null;
  username: string;
  password: string;
  /** The user (a team member, or later the eID log-in) that made it. */
  createdBy: string;
}

const unknownKin = () =>
  badInput([{ field: 'nextOfKinId', code: 'unknown', message: "Not one of the person's next of kin" }]);

/**
 * Makes a citizen's log-in for «Min side» in the caller's transaction: a `citizen` user
 * (argon2id, accounts' createUser) and its portal account. The one place a citizen user is
 * made, so the national eID log-in can call it too. Access is the caller's business (the
 * staff route checks `serve`). A second live log-in for the same person or next of kin is a
 * 409; two made at once meet the partial unique indexes (one 201, one 409).
 */
export async function createPortalLogin(tx: DbOrTx, input: NewPortalLogin) {
  let displayName: string;
  let nationalId: string | null = null;
  if (input.nextOfKinId) {
    const kin = (await nextOfKinOf(tx, input.recipientId)).find((k) => k.id === input.nextOfKinId);
    if (!kin) throw unknownKin();
    displayName = kin.name;
  } else {
    const [person] = rowsOf<{ name: string; nationalId: string }>(
      await tx.execute(
        sql`SELECT given_name || ' ' || family_name AS name, national_id AS "nationalId" FROM recipient WHERE id = ${input.recipientId}`,
      ),
    );
    displayName = person.name;
    nationalId = person.nationalId;
  }
  const live = await tx
    .select({ id: portalAccounts.id })
    .from(portalAccounts)
    .where(
      and(
        eq(portalAccounts.recipientId, input.recipientId),
        input.nextOfKinId ? eq(portalAccounts.nextOfKinId, input.nextOfKinId) : isNull(portalAccounts.nextOfKinId),
        isNull(portalAccounts.revokedAt),
      ),
    );
  if (live.length > 0) throw conflict('portal_account_exists', 'This person already has a log-in for these pages');
  const taken = rowsOf(await tx.execute(sql`SELECT 1 FROM user_account WHERE username = ${input.username}`));
  if (taken.length > 0) throw conflict('username_taken', 'That username is taken', { field: 'username' });
  const user = await createUser(tx, {
    username: input.username,
    password: input.password,
    role: 'citizen',
    displayName,
  });
  const [account] = await tx
    .insert(portalAccounts)
    .values({
      userId: user.id,
      recipientId: input.recipientId,
      nextOfKinId: input.nextOfKinId,
      createdBy: input.createdBy,
    })
    .returning({ id: portalAccounts.id });
  // The person may also log in with the national eID: its `pid` claim is their national
  // identity number (accounts' SSO maps (eid, pid) to this user). Next of kin are not in our
  // records by number, so they use the username and password they were given.
  if (nationalId) await linkExternalIdentity(tx, { provider: 'eid', subject: nationalId, userId: user.id });
  return { id: account.id, username: input.username };
}

/**
 * Gives or withdraws one next of kin's consent; false when `nextOfKinId` is not the person's.
 * Giving a consent already live keeps the first (the partial unique index decides a race).
 */
export async function setConsent(
  tx: DbOrTx,
  recipientId: string,
  nextOfKinId: string,
  given: boolean,
  userId: string,
  via: 'portal' | 'in_person',
): Promise<boolean> {
  if (!(await nextOfKinOf(tx, recipientId)).some((k) => k.id === nextOfKinId)) return false;
  if (given) {
    await tx
      .insert(portalConsents)
      .values({ recipientId, nextOfKinId, givenBy: userId, givenVia: via })
      .onConflictDoNothing({ target: portalConsents.nextOfKinId, where: sql`revoked_at IS NULL` });
  } else {
    await tx
      .update(portalConsents)
      .set({ revokedAt: new Date(), revokedBy: userId })
      .where(and(eq(portalConsents.nextOfKinId, nextOfKinId), isNull(portalConsents.revokedAt)));
  }
  return true;
}

/** The record page's side of «Min side», bound to the actor through the record policy. */
export class PortalStaffRepository {
  constructor(
    private readonly db: Db,
    private readonly actor: Actor,
  ) {}

  createLogin(recipientId: string, input: PortalAccountInput) {
    return withRecordAccess(this.db, this.actor, recipientId, 'portal.account.create', 'serve', async (tx) => {
      const nextOfKinId = input.nextOfKinId ?? null;
      const result = await createPortalLogin(tx, { ...input, recipientId, nextOfKinId, createdBy: this.actor.userId });
      return { result, details: { forNextOfKin: nextOfKinId !== null } };
    });
  }

  /** A consent given or withdrawn in person, recorded by the serving team. */
  setConsent(recipientId: string, nextOfKinId: string, given: boolean) {
    const action = given ? 'portal.consent.give' : 'portal.consent.revoke';
    return withRecordAccess(this.db, this.actor, recipientId, action, 'serve', async (tx) => {
      if (!(await setConsent(tx, recipientId, nextOfKinId, given, this.actor.userId, 'in_person'))) throw unknownKin();
      return { result: await consentsOf(tx, recipientId), details: { nextOfKinId } };
    });
  }

  /** Who has a log-in, the consents, and the messages the person sent the team. */
  overview(recipientId: string) {
    return withRecordAccess(this.db, this.actor, recipientId, 'portal.overview.read', 'read', async (tx) => {
      const kin = await nextOfKinOf(tx, recipientId);
      const accounts = rowsOf<{ username: string; nextOfKinId: string | null; createdAt: string }>(
        await tx.execute(sql`SELECT u.username, a.next_of_kin_id AS "nextOfKinId", a.created_at AS "createdAt"
                               FROM portal_account a JOIN user_account u ON u.id = a.user_id
                              WHERE a.recipient_id = ${recipientId} AND a.revoked_at IS NULL ORDER BY a.created_at`),
      );
      const result = {
        accounts: accounts.map((a) => ({
          username: a.username,
          nextOfKinName: kin.find((k) => k.id === a.nextOfKinId)?.name ?? null,
          createdAt: a.createdAt,
        })),
        ...(await consentsOf(tx, recipientId)),
        ...(await messagesOf(tx, recipientId)),
      };
      return { result };
    });
  }
}
