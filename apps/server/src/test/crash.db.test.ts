import { inArray, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { openDatabase } from '../db/client.ts';
import { nextOfKin } from '../modules/recipients/recipients.tables.ts';
import { call, logInOver, prepareDatabase, runTillit, type Session, startServer } from './processes.ts';

/**
 * Crash safety: the server is killed with SIGKILL in the middle of a write load. Every write
 * it acknowledged (201) and every read it answered (whose audit row must commit first) is
 * there after the restart, and the audit log's chains verify.
 */
it('keeps every acknowledged write and audit row when the server is killed mid-load', {
  timeout: 240_000,
}, async () => {
  const env = await prepareDatabase();
  const server = await startServer(env);
  const nurse = await logInOver(server.url, 'sykepleier');
  const people = (await call(server.url, nurse, 'GET', `/api/teams/${nurse.teamIds[0]}/recipients`)).body as {
    id: string;
  }[];

  const written: string[] = [];
  let reads = 0;
  let interrupted = 0;
  let stopped = false;
  const worker = async (w: number, session: Session) => {
    for (let i = 0; !stopped; i++) {
      const person = people[(w * 7 + i) % people.length].id;
      try {
        if (i % 2 === 0) {
          const res = await call(server.url, session, 'POST', `/api/recipients/${person}/next-of-kin`, {
            name: `Crash ${w}-${i}`,
            relation: 'nabo',
          });
          if (res.status === 201) written.push(res.body.id);
        } else if ((await call(server.url, session, 'GET', `/api/recipients/${person}`)).status === 200) reads++;
      } catch {
        interrupted++; // the connection died with the server: never acknowledged
      }
    }
  };
  const workers = Array.from({ length: 12 }, (_, w) => worker(w, nurse));
  // Kill once the load is well under way: writes are being acknowledged and more are in flight.
  while (written.length < 60) await new Promise((r) => setTimeout(r, 20));
  await server.kill();
  stopped = true;
  await Promise.all(workers);
  expect(interrupted).toBeGreaterThan(0); // the kill came with requests in flight

  // The next start recovers the database (and, embedded, takes the lock the dead process held).
  const again = await startServer(env);
  const check = await logInOver(again.url, 'sykepleier');
  expect((await call(again.url, check, 'GET', `/api/recipients/${people[0].id}`)).status).toBe(200);
  await again.stop();

  const database = await openDatabase({ databaseUrl: env.DATABASE_URL || undefined, dataDir: env.TILLIT_DATA_DIR });
  try {
    const found = await database.db.select({ id: nextOfKin.id }).from(nextOfKin).where(inArray(nextOfKin.id, written));
    expect(found.length).toBe(written.length);
    const audited = await database.db.execute(sql`
      SELECT count(*) FILTER (WHERE action = 'record.nextOfKin.add')::int AS writes,
             count(*) FILTER (WHERE action = 'record.read')::int AS reads FROM audit_log`);
    const counts = audited.rows[0] as { writes: number; reads: number };
    expect(counts.writes).toBeGreaterThanOrEqual(written.length);
    expect(counts.reads).toBeGreaterThanOrEqual(reads);
  } finally {
    await database.close();
  }
  const verify = await runTillit(env, 'audit', 'verify');
  expect(verify.stdout).toMatch(/Audit log intact/);
  expect(verify.code).toBe(0);
});
