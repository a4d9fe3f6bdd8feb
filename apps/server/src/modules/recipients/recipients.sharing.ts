/**
 * What «Hvem kommer?» (planning/visiting.ts) needs to know about the person and their next of
 * kin, asked here so that next of kin stay inside this module: the serving team, the consent to
 * share with next of kin, and whether a given next of kin belongs to the person.
 */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rowsOf } from '../../db/client.ts';
import { validOn } from '../../time/sql.ts';

export interface SharingFacts {
  /** One of `teamIds` that serves the person on `today`. */
  teamId: string;
  consent: boolean;
  /** `nextOfKinId` is one of the person's next of kin (false when none was asked about). */
  kinKnown: boolean;
}

/** The sharing facts for a person served by one of `teamIds`, or undefined when none serves them today. */
export async function nextOfKinSharing(
  tx: DbOrTx,
  recipientId: string,
  teamIds: string[],
  nextOfKinId: string | null,
  today: string,
): Promise<SharingFacts | undefined> {
  const [facts] = rowsOf<SharingFacts>(
    await tx.execute(sql`SELECT rt.team_id AS "teamId", r.consent_share_with_next_of_kin AS consent,
                                EXISTS (SELECT 1 FROM next_of_kin k WHERE k.id = ${nextOfKinId} AND k.recipient_id = r.id) AS "kinKnown"
                           FROM recipient r JOIN recipient_team rt ON rt.recipient_id = r.id
                          WHERE r.id = ${recipientId} AND rt.team_id = ANY(${`{${teamIds.join(',')}}`}::uuid[])
                            AND ${validOn('rt', today)}
                          LIMIT 1`),
  );
  return facts;
}

/**
 * Whether a «Hvem kommer?» link may still be opened: the team that made it still serves the
 * person on `today`, and a link for next of kin still has the person's consent.
 */
export async function sharingStillHolds(
  db: DbOrTx,
  link: { recipientId: string; teamId: string; forNextOfKin: boolean },
  today: string,
): Promise<boolean> {
  const [row] = rowsOf<{ ok: boolean }>(
    await db.execute(sql`SELECT true AS ok FROM recipient r
                          WHERE r.id = ${link.recipientId}
                            AND EXISTS (SELECT 1 FROM recipient_team rt WHERE rt.recipient_id = r.id AND rt.team_id = ${link.teamId}
                                           AND ${validOn('rt', today)})
                            AND (NOT ${link.forNextOfKin}::boolean OR r.consent_share_with_next_of_kin)`),
  );
  return row?.ok === true;
}

export interface KinRow {
  id: string;
  name: string;
  relation: string;
  phone: string | null;
  isClosest: boolean;
}

/**
 * The person's next of kin, for «Min side» (modules/portal): whose consent the person gives,
 * and the list in the person's own data export. The caller has decided the actor may see the
 * person (the portal's own check, or the record policy).
 */
export async function nextOfKinOf(db: DbOrTx, recipientId: string): Promise<KinRow[]> {
  return rowsOf<KinRow>(
    await db.execute(sql`SELECT id, name, relation, phone, is_closest AS "isClosest" FROM next_of_kin
                          WHERE recipient_id = ${recipientId} ORDER BY created_at, id`),
  );
}
