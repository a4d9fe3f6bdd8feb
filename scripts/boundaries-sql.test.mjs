import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sqlCrossings } from './boundaries-sql.mjs';

const root = mkdtempSync(join(tmpdir(), 'tillit-boundaries-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function file(path, text) {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

// Two modules: people publishes `person` but not `secret`; visits reads and writes around it.
file(
  'people/people.tables.ts',
  "export const persons = pgTable('person', {});\nexport const secrets = pgTable(\n  'secret', {});\n",
);
file('people/people.readmodel.ts', "export { persons } from './people.tables.ts';\n");
file('visits/visits.tables.ts', "export const visits = pgTable('visit', {});\n");

describe('SQL boundaries', () => {
  it('allows reading a published table, and reading and writing your own', () => {
    file(
      'visits/visits.repository.ts',
      'sql`SELECT * FROM visit v JOIN person p ON p.id = v.person_id`; sql`UPDATE visit SET x = 1`; tx.insert(visits);',
    );
    expect(sqlCrossings(root).findings).toEqual([]);
  });

  it('names a read of a table its owner does not publish, a raw write and a drizzle write', () => {
    file('visits/visits.extra.ts', 'sql`SELECT * FROM secret`;\nsql`UPDATE person SET x = 1`;\ntx.delete(persons);');
    expect(sqlCrossings(root).findings).toEqual([
      `${root}/visits/visits.extra.ts:2 writes person, a table of people`,
      `${root}/visits/visits.extra.ts:3 writes person, a table of people`,
      `${root}/visits/visits.extra.ts:1 reads secret, which people does not publish in a read model`,
    ]);
    rmSync(join(root, 'visits/visits.extra.ts'));
  });

  it('lets tests build fixtures anywhere', () => {
    file('visits/visits.db.test.ts', 'sql`INSERT INTO secret VALUES (1)`;');
    expect(sqlCrossings(root).findings).toEqual([]);
  });

  it('finds nothing in Tillit itself', () => {
    expect(sqlCrossings('apps/server/src/modules').findings).toEqual([]);
  });
});
