import { randomBytes } from 'node:crypto';
import { osloDate } from '@tillit/contracts';
import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { users } from './accounts.tables.ts';
import { hashPassword } from './passwords.ts';

/** A local login for an imported staff member. */
export interface ImportedAccount {
  username: string;
  displayName: string;
  staffId: string;
  districtId: string;
}

/**
 * Creates imported staff members' logins in the caller's transaction: role member, and
 * **disabled**, with the hash of a random secret nobody is told. An import file carries no
 * passwords (it passes through spreadsheets and e-mail); the username is reserved and tied to
 * the staff member, and the account is opened when the person is given a password.
 * One hash for the whole file: argon2id per row would cost seconds and protect nothing more.
 */
export async function createImportedAccounts(tx: DbOrTx, accounts: ImportedAccount[]): Promise<void> {
  if (accounts.length === 0) return;
  const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
  await tx.insert(users).values(
    accounts.map((a) => ({
      username: a.username,
      passwordHash,
      role: 'member' as const,
      displayName: a.displayName,
      staffId: a.staffId,
      districtId: a.districtId,
      disabled: true,
    })),
  );
}

/**
 * The acting administrator for a command-line import (`tillit import … --as USERNAME`): the
 * audit rows name a person, as they do for the web; null unless the account is an enabled admin.
 */
export async function adminActor(db: Db, username: string, now: Date): Promise<Actor | null> {
  const [u] = await db.select().from(users).where(eq(users.username, username.trim().toLowerCase()));
  if (!u || u.disabled || u.role !== 'admin') return null;
  return {
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    staffId: u.staffId,
    districtId: u.districtId,
    teamIds: [],
    now,
    today: osloDate(now),
  };
}
