import { sql } from 'drizzle-orm';
import { type DbOrTx, rowsOf } from '../../db/client.ts';
import { auditRowsAbout } from '../audit/index.ts';
import { nextOfKinOf } from '../recipients/index.ts';
import { readerRole, whatHappened } from './portal.log.ts';

/**
 * The readers behind «Min side» and the staff overview. Free functions over one person id:
 * callers decide first who may see it (portal.viewer.ts for citizens, the record policy for
 * staff). Other modules' tables are read only through their read models and surfaces.
 */

/** The plan in the person's words: what matters, goals, and the measures that are running. */
export async function planOf(db: DbOrTx, recipientId: string) {
  const whatMatters = rowsOf<{ statement: string; recordedAt: string }>(
    await db.execute(sql`SELECT statement, recorded_at AS "recordedAt" FROM what_matters
                          WHERE recipient_id = ${recipientId} ORDER BY recorded_at`),
  );
  const goals = rowsOf<{ description: string; status: string; reviewDate: string }>(
    await db.execute(sql`SELECT description, status::text AS status, review_date::text AS "reviewDate" FROM goal
                          WHERE recipient_id = ${recipientId} AND status IN ('active', 'paused') ORDER BY created_at`),
  );
  const measures = rowsOf<{
    title: string;
    how: string;
    days: number[];
    windowStart: number;
    windowEnd: number;
    goal: string | null;
  }>(
    await db.execute(sql`SELECT m.title, m.how, to_json(m.days) AS days, m.window_start AS "windowStart",
                                m.window_end AS "windowEnd", g.description AS goal
                           FROM measure m LEFT JOIN goal g ON g.id = m.goal_id
                          WHERE m.recipient_id = ${recipientId} AND m.status = 'active'
                          ORDER BY m.window_start, m.title`),
  );
  return { whatMatters, goals, measures };
}

export async function messagesOf(db: DbOrTx, recipientId: string) {
  const messages = rowsOf<{ id: string; from: string; text: string; sentAt: string }>(
    await db.execute(sql`SELECT m.id, u.display_name AS "from", m.text, m.sent_at AS "sentAt"
                           FROM portal_message m JOIN user_account u ON u.id = m.sent_by
                          WHERE m.recipient_id = ${recipientId} ORDER BY m.sent_at DESC LIMIT 200`),
  );
  return { messages };
}

/** Each next of kin with their live consent (if any) and whether they have a log-in. */
export async function consentsOf(db: DbOrTx, recipientId: string) {
  const kin = await nextOfKinOf(db, recipientId);
  const live = rowsOf<{ nextOfKinId: string; givenAt: string; givenVia: 'portal' | 'in_person' }>(
    await db.execute(sql`SELECT next_of_kin_id AS "nextOfKinId", given_at AS "givenAt", given_via AS "givenVia"
                           FROM portal_consent WHERE recipient_id = ${recipientId} AND revoked_at IS NULL`),
  );
  const logins = rowsOf<{ nextOfKinId: string }>(
    await db.execute(sql`SELECT next_of_kin_id AS "nextOfKinId" FROM portal_account
                          WHERE recipient_id = ${recipientId} AND next_of_kin_id IS NOT NULL AND revoked_at IS NULL`),
  );
  return {
    consents: kin.map((k) => {
      const c = live.find((l) => l.nextOfKinId === k.id);
      return {
        nextOfKinId: k.id,
        name: k.name,
        relation: k.relation,
        givenAt: c?.givenAt ?? null,
        givenVia: c?.givenVia ?? null,
        hasLogin: logins.some((l) => l.nextOfKinId === k.id),
      };
    }),
  };
}

/**
 * Who has read or changed the person's record and on what basis, newest first. The person's
 * own log-ins are left out (their reads of their own pages would flood the list); a next of
 * kin's reads are listed like anyone else's.
 */
export async function accessLogOf(db: DbOrTx, recipientId: string, limit = 300) {
  const own = rowsOf<{ userId: string }>(
    await db.execute(sql`SELECT user_id AS "userId" FROM portal_account
                          WHERE recipient_id = ${recipientId} AND next_of_kin_id IS NULL`),
  );
  const rows = await auditRowsAbout(
    db,
    recipientId,
    own.map((o) => o.userId),
    limit,
  );
  const ids = [...new Set(rows.map((r) => r.actorUserId).filter((id): id is string => id !== null))];
  const users = rowsOf<{ id: string; role: string; profession: string | null }>(
    await db.execute(sql`SELECT u.id, u.role::text AS role, s.profession::text AS profession FROM user_account u
                           LEFT JOIN staff s ON s.id = u.staff_id
                          WHERE u.id = ANY(${`{${ids.join(',')}}`}::uuid[])`),
  );
  return {
    rows: rows.map((r) => ({
      at: r.at,
      who: r.actorName,
      role: readerRole(users.find((u) => u.id === r.actorUserId)),
      what: whatHappened(r.action, r.basis),
      action: r.action,
      basis: r.basis,
      emergencyReason: r.emergencyReason,
    })),
  };
}
