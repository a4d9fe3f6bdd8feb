import { osloDate } from '@tillit/contracts';
import { loadConfig } from '../config.ts';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { DEMO, FULL, generateDistrict } from '../modules/demo/index.ts';
import { isEmpty, loadDistrict } from '../modules/demo/index.ts';
import type { Db } from '../db/client.ts';
import { migrateDatabase } from '../db/client.ts';
import { openConfigured, progress } from './shared.ts';

/** Drops every Tillit table and migrates again (demo and bench databases only). */
export async function wipe(db: Db) {
  await db.execute(sql`DROP SCHEMA IF EXISTS public CASCADE`);
  await db.execute(sql`DROP SCHEMA IF EXISTS drizzle CASCADE`);
  await db.execute(sql`CREATE SCHEMA public`);
}

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { full: { type: 'boolean' }, seed: { type: 'string' }, reset: { type: 'boolean' } },
  });
  if (process.env.NODE_ENV === 'production') {
    console.error('The demo district (with its published password) is never loaded when NODE_ENV=production.');
    return 2;
  }
  const log = progress('demo');
  const database = await openConfigured();
  try {
    if (!(await isEmpty(database.db))) {
      if (!values.reset) {
        console.error('The database already holds a district. Use --reset to wipe it and load the demo again.');
        return 1;
      }
      log('wiping the database');
      await wipe(database.db);
      await migrateDatabase(database);
    }
    const size = values.full ? FULL : DEMO;
    const now = loadConfig().clock.now();
    const district = generateDistrict(size, values.seed ? Number(values.seed) : undefined, { now });
    log(
      `generated ${district.teams.length} teams, ${district.staff.length} staff, ${district.recipients.length} people served`,
    );
    await loadDistrict(database.db, district, (step) => log(`loading ${step}`), osloDate(now));
    log(`done: ${database.description}`);
    return 0;
  } finally {
    await database.close();
  }
}
