import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rowsOf } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { badInput } from '../../http/errors.ts';
import { validOn } from '../../time/sql.ts';
import { DEFAULT_HIGH_RISK, DELEGATION } from './medicines.rules.ts';

/**
 * The municipality's high-risk ATC prefixes for a person (through the team serving them), as a
 * JSON array, or null when the municipality keeps no list of its own (the default applies).
 */
export const prefixesOf = (recipient: SQL) => sql`(SELECT json_agg(h.atc_prefix) FROM high_risk_drug h
  WHERE h.municipality_id = (SELECT d.municipality_id FROM recipient_team rt JOIN team t ON t.id = rt.team_id
                              JOIN district d ON d.id = t.district_id
                             WHERE rt.recipient_id = ${recipient} ORDER BY rt.valid_from DESC LIMIT 1))`;

export function prefixList(value: unknown): string[] {
  const parsed = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(parsed) && parsed.length ? (parsed as string[]) : DEFAULT_HIGH_RISK.map((d) => d.atcPrefix);
}

export async function prefixesFor(tx: DbOrTx, recipientId: string) {
  const [row] = rowsOf<{ p: unknown }>(await tx.execute(sql`SELECT ${prefixesOf(sql`${recipientId}::uuid`)} AS p`));
  return prefixList(row?.p);
}

/**
 * Giving, observing the intake of, or second-signing a dose, and filling a pill organiser, need a
 * medication delegation (legemiddelhåndtering) valid today; otherwise 400 naming `staffId`.
 */
export async function assertDelegation(tx: DbOrTx, actor: Actor) {
  const held = actor.staffId
    ? rowsOf<{ ok: number }>(
        await tx.execute(sql`SELECT 1 AS ok FROM staff_competence c WHERE c.staff_id = ${actor.staffId}
                              AND c.competence_code = ${DELEGATION} AND ${validOn('c', actor.today)} LIMIT 1`),
      ).length > 0
    : false;
  if (!held)
    throw badInput([
      {
        field: 'staffId',
        code: 'no_delegation',
        message: 'You hold no valid medication delegation (legemiddelhåndtering) today',
      },
    ]);
}

/** A planned dose's moment: its Oslo date and minute as an instant. */
export const plannedAt = (date: SQL, minute: SQL) =>
  sql`((${date})::timestamp + make_interval(mins => (${minute})::int)) AT TIME ZONE 'Europe/Oslo'`;
