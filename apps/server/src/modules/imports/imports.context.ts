import { sql } from 'drizzle-orm';
import { type DbOrTx, rowsOf } from '../../db/client.ts';
import type { CsvRow } from './imports.csv.ts';
import type { ImportContext, ImportTeam } from './imports.rules.ts';

/** A list bound as one JSON parameter: safe for any text (an e-mail may hold a comma). */
const jsonList = (values: string[]) => sql`(SELECT jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;

const cellsOf = (rows: CsvRow[], field: string) => [
  ...new Set(rows.map((r) => (r.cells[field] ?? '').trim().toLowerCase()).filter(Boolean)),
];

/**
 * What the file is checked against, read through the owners' read models (organisation:
 * team, competence_type, staff, team_membership; accounts: user_account; recipients:
 * recipient). Only the usernames, e-mails, names and national ids the file itself names are
 * looked up. `registered` maps a national id already in the register to that person's id, for
 * the audit row that says the administrator learned it exists.
 */
export async function loadContext(db: DbOrTx, rows: CsvRow[], today: string) {
  const teams = rowsOf<ImportTeam>(
    await db.execute(sql`SELECT id, name, district_id AS "districtId" FROM team ORDER BY name`),
  );
  const codes = rowsOf<{ code: string }>(await db.execute(sql`SELECT code FROM competence_type`));
  const usernames = rowsOf<{ v: string }>(
    await db.execute(
      sql`SELECT username AS v FROM user_account WHERE username IN ${jsonList(cellsOf(rows, 'username'))}`,
    ),
  );
  const emails = rowsOf<{ v: string }>(
    await db.execute(
      sql`SELECT lower(email) AS v FROM staff WHERE lower(email) IN ${jsonList(cellsOf(rows, 'email'))}`,
    ),
  );
  const names = [...new Set(rows.map((r) => `${r.cells.given_name ?? ''} ${r.cells.family_name ?? ''}`.toLowerCase()))];
  const inTeams = rowsOf<{ v: string }>(
    await db.execute(sql`
      SELECT lower(s.given_name || ' ' || s.family_name) || '|' || m.team_id AS v
        FROM staff s JOIN team_membership m ON m.staff_id = s.id
       WHERE (m.valid_until IS NULL OR m.valid_until >= ${today}::date)
         AND lower(s.given_name || ' ' || s.family_name) IN ${jsonList(names)}`),
  );
  const ids = [...new Set(rows.map((r) => (r.cells.national_id ?? '').replace(/\s/g, '')).filter(Boolean))];
  const registered = rowsOf<{ id: string; nationalId: string }>(
    await db.execute(sql`SELECT id, national_id AS "nationalId" FROM recipient WHERE national_id IN ${jsonList(ids)}`),
  );
  const context: ImportContext = {
    teams,
    competenceCodes: new Set(codes.map((c) => c.code)),
    usernames: new Set(usernames.map((u) => u.v)),
    staffEmails: new Set(emails.map((e) => e.v)),
    staffInTeams: new Set(inTeams.map((s) => s.v)),
    nationalIds: new Set(registered.map((r) => r.nationalId)),
  };
  return { context, registered: new Map(registered.map((r) => [r.nationalId, r.id])) };
}
