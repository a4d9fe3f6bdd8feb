/**
 * Who may be given a person's visit. A helper who gets a visit sees the person's name, address,
 * measures and own words in «Min dag», so every way a helper gets one — assignment by hand,
 * a measure's usual helper, visits made from the plan, a published plan — asks the same as the
 * record policy: is the helper a member of a team that serves the person, on the visit's date?
 */
import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, rowsOf } from '../../db/client.ts';
import { badInput } from '../../http/errors.ts';
import { validOn } from '../../time/sql.ts';

/** SQL boolean: staff `staffId` is a member, on `date`, of a team serving `recipientId` that day. */
export const servesOn = (staffId: SQL | string, recipientId: SQL | string, date: SQL | string) => sql`EXISTS (
  SELECT 1 FROM team_membership tm JOIN recipient_team rt ON rt.team_id = tm.team_id
   WHERE tm.staff_id = ${staffId} AND rt.recipient_id = ${recipientId} AND ${validOn('tm', date)} AND ${validOn('rt', date)})`;

/**
 * Refuses with 400, naming the field, any helper who does not serve the person on `date` (an
 * Oslo date: the visit's, or the actor's today for a usual helper).
 */
export async function assertHelpersServe(
  tx: DbOrTx,
  recipientId: string,
  helpers: [field: string, staffId: string | null | undefined][],
  date: string,
): Promise<void> {
  for (const [field, staffId] of helpers) {
    if (!staffId) continue;
    const [row] = rowsOf<{ ok: boolean }>(
      await tx.execute(sql`SELECT ${servesOn(sql`${staffId}::uuid`, sql`${recipientId}::uuid`, date)} AS ok`),
    );
    if (!row.ok)
      throw badInput([
        {
          field,
          code: 'not_serving',
          message: 'The helper must be a member of a team serving this person on that date',
        },
      ]);
  }
}
