import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { openTestDatabase, resetData } from '../../test/harness.ts';
import type { AuditEntry } from './audit.chain.ts';
import { verifyAuditLog } from './audit.repository.ts';
import { AuditWriter } from './audit.writer.ts';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  await resetData(database);
});
afterAll(() => database.close());

const entry = (i: number): AuditEntry => ({
  at: new Date(Date.UTC(2026, 11, 2, 12, 0, 0, i)),
  actorUserId: null,
  actorName: i % 2 ? 'Åse Ødegård-Ærø 👩‍⚕️' : 'Kari "K" Nordmann\\',
  action: 'record.read',
  recipientId: null,
  basis: 'care_relation',
  emergencyAccessId: null,
  // Keys out of order and nested: the chain hashes a canonical text, whatever jsonb does with them.
  details: { z: i, a: { y: [1, 'to', null], b: 'ø' }, m: 'line\nbreak' },
});

it('chains a batch in SQL exactly as the canonical text says, in one statement per batch', async () => {
  const writer = new AuditWriter(database.db, 1, 50);
  // 130 rows at once: batches of up to 50, one after another on rotating chains.
  await Promise.all(Array.from({ length: 130 }, (_, i) => writer.append(entry(i))));
  expect(await verifyAuditLog(database.db)).toEqual({ ok: true, rows: 130 });
  const heads = await database.db.execute(sql`SELECT count(*)::int AS used FROM audit_head WHERE seq > 0`);
  expect((heads.rows[0] as { used: number }).used).toBe(3);
});

it('rejects every caller of a batch that fails, and commits nothing of it', async () => {
  const writer = new AuditWriter(database.db, 1, 50);
  const before = await verifyAuditLog(database.db);
  const bad = { ...entry(1), basis: 'no-such-basis' as AuditEntry['basis'] };
  const results = await Promise.allSettled([writer.append(entry(2)), writer.append(bad)]);
  expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  expect(await verifyAuditLog(database.db)).toEqual(before);
});
