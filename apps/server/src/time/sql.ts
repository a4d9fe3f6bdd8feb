/**
 * The "valid from … until" pattern (memberships, care relations, competences, measures) as
 * one SQL condition. Dates are passed in (the Oslo date from the clock, or a visit's own
 * date as SQL), never read from the database session's `current_date`.
 */
import { type SQL, sql } from 'drizzle-orm';

/** A calendar date as SQL: a string becomes a bound `date` parameter; SQL (e.g. `v.date`) is used as it is. */
const asDate = (date: string | SQL) => (typeof date === 'string' ? sql`${date}::date` : date);

const ALIAS = /^[a-z_][a-z0-9_]*$/;
const columns = (alias: string | null) => {
  if (alias !== null && !ALIAS.test(alias)) throw new Error(`validOn: not a table alias: ${alias}`);
  const prefix = alias ? `${alias}.` : '';
  return { from: sql.raw(`${prefix}valid_from`), until: sql.raw(`${prefix}valid_until`) };
};

/** `alias.valid_from <= date AND (alias.valid_until IS NULL OR alias.valid_until >= date)`; alias null = unqualified columns. */
export function validOn(alias: string | null, date: string | SQL): SQL {
  const c = columns(alias);
  const d = asDate(date);
  return sql`(${c.from} <= ${d} AND (${c.until} IS NULL OR ${c.until} >= ${d}))`;
}

/** Valid on some day of the period `from` … `to` (both included). */
export function validDuring(alias: string | null, from: string | SQL, to: string | SQL): SQL {
  const c = columns(alias);
  return sql`(${c.from} <= ${asDate(to)} AND (${c.until} IS NULL OR ${c.until} >= ${asDate(from)}))`;
}

/** Valid on `date` or some day after it (a member from next week counts too). */
export function validFrom(alias: string | null, date: string | SQL): SQL {
  const c = columns(alias);
  return sql`(${c.until} IS NULL OR ${c.until} >= ${asDate(date)})`;
}
