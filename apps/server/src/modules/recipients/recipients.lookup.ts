import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { recipients } from './recipients.tables.ts';

/** A person found by name or national identity number, as an administrator's search shows them. */
export interface FoundPerson {
  id: string;
  name: string;
  birthDate: string;
}

/** At most this many people are matched by a name: a search is for one person, not a list of the register. */
const MAX_FOUND = 20;

/**
 * The people a search names: 11 digits find the person with that national identity number; anything else matches given and family name (case-insensitive, in any part).
 * The caller decides who may search and logs the search (the administrators' access log).
 */
export async function findPeople(
  db: DbOrTx,
  text: string,
): Promise<{ by: 'national_id' | 'name'; people: FoundPerson[] }> {
  const query = text.trim();
  const digits = query.replace(/\s/g, '');
  const columns = {
    id: recipients.id,
    name: sql<string>`${recipients.givenName} || ' ' || ${recipients.familyName}`,
    birthDate: recipients.birthDate,
  };
  if (/^\d{11}$/.test(digits)) {
    const people = await db.select(columns).from(recipients).where(eq(recipients.nationalId, digits));
    return { by: 'national_id', people };
  }
  // LIKE's own wildcards in the text are matched as themselves.
  const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const people = await db
    .select(columns)
    .from(recipients)
    .where(sql`(${recipients.givenName} || ' ' || ${recipients.familyName}) ILIKE ${pattern}`)
    .orderBy(recipients.familyName, recipients.givenName)
    .limit(MAX_FOUND);
  return { by: 'name', people };
}
