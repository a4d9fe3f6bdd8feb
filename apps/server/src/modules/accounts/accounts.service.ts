import { createHash, randomBytes } from 'node:crypto';
import { osloDate } from '@tillit/contracts';
import { eq, sql } from 'drizzle-orm';
import { pgArray } from '../../db/arrays.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { validOn } from '../../time/sql.ts';
import { sessions, users } from './accounts.tables.ts';
import { dummyHash, hashPassword, verifyPassword } from './passwords.ts';

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Checks the password and opens a session; null when the user or password is wrong. */
export async function logIn(db: Db, username: string, password: string, sessionHours: number) {
  const [user] = await db.select().from(users).where(eq(users.username, username.trim().toLowerCase()));
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
  if (!user || !ok || user.disabled) return null;
  return openSession(db, user.id, sessionHours);
}

/**
 * Opens a session for a user whose identity is already proven (a password above, an OpenID
 * provider in oidc.ts): both log-ins give the same cookie and CSRF token.
 */
export async function openSession(db: DbOrTx, userId: string, sessionHours: number) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + sessionHours * 3600_000);
  await db.insert(sessions).values({ tokenHash: tokenHash(token), userId, csrfToken, expiresAt });
  return { token, csrfToken, expiresAt };
}

export async function logOut(db: Db, token: string): Promise<void> {
  sessionCache.delete(tokenHash(token));
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash(token)));
}

/** Whole seconds left of a live session by the database's clock (which decides expiry); null when it has ended. */
export async function sessionSecondsLeft(db: Db, token: string): Promise<number | null> {
  const result = await db.execute(sql`
    SELECT floor(extract(epoch FROM expires_at - now()))::int AS left
      FROM session WHERE token_hash = ${tokenHash(token)} AND expires_at > now()`);
  const row = result.rows[0] as { left: number } | undefined;
  return row ? Math.max(0, Number(row.left)) : null;
}

/**
 * Extends a live session to `sessionHours` from now (WCAG 2.2.1: the user is warned before the
 * session ends and may ask for more time). An ended session cannot be renewed: null. The
 * cached entry is dropped so this process sees the new expiry at once.
 */
export async function renewSession(db: Db, token: string, sessionHours: number) {
  const key = tokenHash(token);
  const result = await db.execute(sql`
    UPDATE session SET expires_at = now() + make_interval(secs => ${sessionHours * 3600})
     WHERE token_hash = ${key} AND expires_at > now()
     RETURNING expires_at, floor(extract(epoch FROM expires_at - now()))::int AS left`);
  sessionCache.delete(key);
  const row = result.rows[0] as { expires_at: string | Date; left: number } | undefined;
  return row ? { expiresAt: new Date(row.expires_at), secondsLeft: Number(row.left) } : null;
}

/**
 * Sessions seen in the last few seconds, so a burst of requests does not look up the same
 * session each time. Log-out clears the entry at once in this process; another app server
 * may honour a just-ended session, a changed role or team for at most SESSION_CACHE_MS.
 */
const SESSION_CACHE_MS = 5_000;
const sessionCache = new Map<string, { value: { actor: Actor; csrfToken: string }; until: number }>();

export async function loadActorCached(db: Db, token: string, now: Date) {
  const today = osloDate(now);
  const key = tokenHash(token);
  const hit = sessionCache.get(key);
  // The teams are the day's, so a cached actor is only used on the same Oslo date; each request gets its own moment.
  if (hit && hit.until > Date.now() && hit.value.actor.today === today)
    return { ...hit.value, actor: { ...hit.value.actor, now } };
  const value = await loadActor(db, token, now);
  if (value) {
    if (sessionCache.size > 10_000) sessionCache.clear();
    sessionCache.set(key, { value, until: Date.now() + SESSION_CACHE_MS });
  } else sessionCache.delete(key);
  return value;
}

/** One round trip: the session, its user and the user's teams on the Oslo date of `now`. */
export async function loadActor(db: Db, token: string, now: Date): Promise<{ actor: Actor; csrfToken: string } | null> {
  const today = osloDate(now);
  const result = await db.execute(sql`
    SELECT u.id, u.username, u.display_name, u.role, u.staff_id, u.district_id, s.csrf_token,
           COALESCE((SELECT array_agg(m.team_id::text) FROM team_membership m
                      WHERE m.staff_id = u.staff_id AND ${validOn('m', today)}), '{}') AS team_ids
      FROM session s JOIN user_account u ON u.id = s.user_id
     WHERE s.token_hash = ${tokenHash(token)} AND s.expires_at > now() AND NOT u.disabled`);
  const row = result.rows[0] as Record<string, unknown> | undefined;
  if (!row) return null;
  return { csrfToken: row.csrf_token as string, actor: actorOf(row, now, today) };
}

function actorOf(row: Record<string, unknown>, now: Date, today: string): Actor {
  return {
    userId: row.id as string,
    username: row.username as string,
    displayName: row.display_name as string,
    role: row.role as Actor['role'],
    staffId: (row.staff_id as string) ?? null,
    districtId: (row.district_id as string) ?? null,
    teamIds: pgArray(row.team_ids),
    now,
    today,
  };
}

/**
 * The actor for a user without a session: a FHIR client acts as the user it is bound to
 * (modules/fhir), with the same role and today's teams as that user has in the app.
 */
export async function loadUserActor(db: Db, userId: string, now: Date): Promise<Actor | null> {
  const today = osloDate(now);
  const result = await db.execute(sql`
    SELECT u.id, u.username, u.display_name, u.role, u.staff_id, u.district_id,
           COALESCE((SELECT array_agg(m.team_id::text) FROM team_membership m
                      WHERE m.staff_id = u.staff_id AND ${validOn('m', today)}), '{}') AS team_ids
      FROM user_account u WHERE u.id = ${userId} AND NOT u.disabled`);
  const row = result.rows[0] as Record<string, unknown> | undefined;
  return row ? actorOf(row, now, today) : null;
}

export interface NewUser {
  username: string;
  password: string;
  role: Actor['role'];
  displayName: string;
  staffId?: string | null;
  districtId?: string | null;
}

export async function createUser(db: DbOrTx, u: NewUser) {
  const [row] = await db
    .insert(users)
    .values({
      username: u.username.trim().toLowerCase(),
      passwordHash: await hashPassword(u.password),
      role: u.role,
      displayName: u.displayName,
      staffId: u.staffId ?? null,
      districtId: u.districtId ?? null,
    })
    .returning({ id: users.id });
  return row;
}
