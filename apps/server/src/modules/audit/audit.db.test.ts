import { beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { logInAs, useWorldSuite } from '../../test/harness.ts';
import { verifyAuditLog } from './audit.repository.ts';

const suite = useWorldSuite();

beforeEach(async () => {
  // 40 audited reads, concurrent, spread over the parallel chains.
  const anna = await logInAs(suite.app, 'anna');
  await Promise.all(Array.from({ length: 40 }, () => anna.get(`/api/recipients/${suite.world.petter.id}`)));
});

/** A tamperer with suite.database superuser rights can bypass the append-only trigger; the chain still tells. */
async function tamper(statement: ReturnType<typeof sql>) {
  await suite.database.db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL session_replication_role = replica`);
    await tx.execute(statement);
  });
}

describe('the hash-chained audit log', () => {
  it('verifies an intact chain built by concurrent writers', async () => {
    expect(await verifyAuditLog(suite.database.db)).toEqual({ ok: true, rows: 40 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE through the normal path', async () => {
    await expect(suite.database.db.execute(sql`UPDATE audit_log SET actor_name = 'x' WHERE seq = 1`)).rejects.toThrow();
    await expect(suite.database.db.execute(sql`DELETE FROM audit_log WHERE seq = 1`)).rejects.toThrow();
    await expect(suite.database.db.execute(sql`TRUNCATE audit_log`)).rejects.toThrow();
  });

  it('names the first edited row', async () => {
    await tamper(sql`UPDATE audit_log SET actor_name = 'Someone Else' WHERE seq = 3`);
    expect(await verifyAuditLog(suite.database.db)).toMatchObject({
      ok: false,
      firstBrokenSeq: 3,
      reason: 'hash_mismatch',
    });
  });

  it('notices an edited timestamp', async () => {
    await tamper(sql`UPDATE audit_log SET at = at - interval '1 day' WHERE seq = 2`);
    expect(await verifyAuditLog(suite.database.db)).toMatchObject({ ok: false, firstBrokenSeq: 2 });
  });

  it('names the row after a deleted one', async () => {
    // 40 rows over 16 chains: some row has a successor in its chain.
    const [victim] = (
      await suite.database.db.execute(sql`SELECT a.seq, a.chain, b.seq AS next FROM audit_log a
        JOIN audit_log b ON b.chain = a.chain AND b.chain_seq = a.chain_seq + 1 ORDER BY a.seq LIMIT 1`)
    ).rows;
    const next = { seq: victim.next };
    await tamper(sql`DELETE FROM audit_log WHERE seq = ${victim.seq}`);
    expect(await verifyAuditLog(suite.database.db)).toMatchObject({
      ok: false,
      chain: Number(victim.chain),
      firstBrokenSeq: Number(next.seq),
      reason: 'missing_row',
    });
  });

  it('notices the newest row of a chain removed', async () => {
    const [last] = (await suite.database.db.execute(sql`SELECT max(seq) AS seq FROM audit_log`)).rows;
    await tamper(sql`DELETE FROM audit_log WHERE seq = ${last.seq}`);
    expect(await verifyAuditLog(suite.database.db)).toMatchObject({
      ok: false,
      firstBrokenSeq: null,
      reason: 'head_mismatch',
    });
  });

  it('shows administrators the log for one person, and no one else', async () => {
    const ada = await logInAs(suite.app, 'ada');
    const res = await ada.get(`/api/audit?recipientId=${suite.world.petter.id}&limit=3`);
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(3);
    expect(res.body[0]).toMatchObject({ action: 'record.read', actorName: 'Anna Nordmann', basis: 'care_relation' });
    const anna = await logInAs(suite.app, 'anna');
    expect((await anna.get('/api/audit')).status).toBe(403);
    expect((await ada.get('/api/audit?limit=0')).body.error.fields[0].field).toBe('limit');
  });

  it('finds a person by name or national identity number, logs the search, and lets only administrators search', async () => {
    const ada = await logInAs(suite.app, 'ada');
    const byName = await ada.get('/api/audit?person=petter&limit=2');
    expect(byName.status).toBe(200);
    expect(byName.body).toHaveLength(2);
    // The search is logged first, so it is the newest row about Petter.
    expect(byName.body[0]).toMatchObject({ action: 'audit.personSearch', basis: 'admin', actorName: 'Ada Admin' });
    expect(byName.body[0].details).toEqual({ by: 'name', recipients: [suite.world.petter.id] });
    expect(byName.body[1]).toMatchObject({
      action: 'record.read',
      recipientId: suite.world.petter.id,
      person: { name: 'Petter Person' },
    });
    const [row] = (
      await suite.database.db.execute(sql`SELECT national_id FROM recipient WHERE id = ${suite.world.petter.id}`)
    ).rows as { national_id: string }[];
    const byNumber = await ada.get(`/api/audit?person=${row.national_id}&limit=100`);
    // 40 reads and the two searches.
    expect(byNumber.body).toHaveLength(42);
    expect(byNumber.body[0].details).toEqual({ by: 'national_id', recipients: [suite.world.petter.id] });
    expect((await ada.get('/api/audit?person=nobody-by-that-name')).body).toEqual([]);
    const anna = await logInAs(suite.app, 'anna');
    expect((await anna.get('/api/audit?person=petter')).status).toBe(403);
  });
});
