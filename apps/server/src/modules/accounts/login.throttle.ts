import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { loginThrottle } from './accounts.tables.ts';

/** Failed log-ins allowed per username and per client address before the first lockout. */
export interface LoginLimits {
  /** Failures per username (from any address) within the window. */
  perUser: number;
  /** Failures per client address (for any usernames) within the window. */
  perAddress: number;
  /** A count starts again after this long without an attempt (and after any lockout). */
  windowMs: number;
}

/** The first lockout; each further failure past the limit doubles it, up to MAX_LOCK_MS. */
const FIRST_LOCK_MS = 60_000;
const MAX_LOCK_MS = 24 * 3600_000;

const keyOf = (kind: 'user' | 'addr', value: string) => createHash('sha256').update(`${kind}:${value}`).digest('hex');

/** Attempts seen by this process: every 100th also clears counts that have started again anyway. */
let attempts = 0;

type Reservation = { locked: false } | { locked: true; until: Date };

/**
 * Counts one attempt against `key` before the password is checked. The row is locked for the
 * count, so parallel attempts on several app servers each see the count the one before left:
 * the attempt that reaches the limit sets the lockout, and the ones after it are refused
 * unchecked. A locked key is not counted again (the lockout does not grow while it lasts).
 */
async function reserve(db: Db, key: string, limit: number, windowMs: number, now: Date): Promise<Reservation> {
  return db.transaction(async (tx) => {
    await tx
      .insert(loginThrottle)
      .values({ key, failures: 0, lastAttemptAt: now })
      .onConflictDoNothing({ target: loginThrottle.key });
    const [row] = await tx.select().from(loginThrottle).where(eq(loginThrottle.key, key)).for('update');
    if (row.lockedUntil && row.lockedUntil > now) return { locked: true, until: row.lockedUntil };
    const lastMoment = (row.lockedUntil ?? row.lastAttemptAt).getTime();
    const count = lastMoment < now.getTime() - windowMs ? 1 : row.failures + 1;
    const lockMs = Math.min(FIRST_LOCK_MS * 2 ** Math.min(count - limit, 30), MAX_LOCK_MS);
    await tx
      .update(loginThrottle)
      .set({
        failures: count,
        lastAttemptAt: now,
        lockedUntil: count >= limit ? new Date(now.getTime() + lockMs) : null,
      })
      .where(eq(loginThrottle.key, key));
    return { locked: false };
  });
}

function refusal(until: Date, now: Date): AppError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new AppError(429, 'rate_limited', `Too many attempts. Try again in ${Math.ceil(seconds / 60)} minutes.`, {
    retryAfterSeconds: seconds,
  });
}

/**
 * Guards one log-in: throws 429 when the username or the address is locked out, else runs
 * `check` (the password check) and settles the count. A success starts the username's count
 * again and takes its own attempt back from the address, so log-ins that work never use up
 * the budget; a failure stays counted against both.
 */
export async function throttledLogIn<T>(
  db: Db,
  limits: LoginLimits,
  username: string,
  address: string,
  now: Date,
  check: () => Promise<T | null>,
): Promise<T | null> {
  const user = keyOf('user', username.trim().toLowerCase());
  const addr = keyOf('addr', address);
  const byUser = await reserve(db, user, limits.perUser, limits.windowMs, now);
  if (byUser.locked) throw refusal(byUser.until, now);
  const byAddress = await reserve(db, addr, limits.perAddress, limits.windowMs, now);
  if (byAddress.locked) {
    await giveBack(db, user, limits.perUser);
    throw refusal(byAddress.until, now);
  }
  const result = await check();
  if (result !== null) {
    await db.execute(sql`DELETE FROM login_throttle WHERE key = ${user}`);
    await giveBack(db, addr, limits.perAddress);
  }
  if (++attempts % 100 === 0) await forgetOld(db, limits.windowMs, now);
  return result;
}

/** Takes one counted attempt back; lifts the lockout it may have set when it no longer reaches the limit. */
async function giveBack(db: Db, key: string, limit: number) {
  await db.execute(sql`
    UPDATE login_throttle SET failures = GREATEST(failures - 1, 0),
           locked_until = CASE WHEN failures - 1 < ${limit} THEN NULL ELSE locked_until END
     WHERE key = ${key}`);
}

/** Counts that have started again anyway: keeps the table small when many names are tried. */
async function forgetOld(db: Db, windowMs: number, now: Date) {
  await db.execute(sql`DELETE FROM login_throttle
    WHERE COALESCE(locked_until, last_attempt_at) < ${now.toISOString()}::timestamptz - ${windowMs} * interval '1 millisecond'`);
}
