import { parseArgs } from 'node:util';
import { statSync } from 'node:fs';
import { loadConfig } from '../config.ts';
import { backupDatabase } from '../db/backup.ts';
import { openDatabase } from '../db/client.ts';
import { progress } from './shared.ts';

/**
 * `tillit backup FILE`: the whole database, as one consistent snapshot, to a gzip file
 * readable by its owner only. PostgreSQL is backed up while the servers run; the embedded
 * database only while no server has it open (its folder lock says so).
 */
export async function run(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true });
  if (positionals.length !== 1) {
    console.error('Usage: tillit backup FILE');
    return 2;
  }
  const [file] = positionals;
  const config = loadConfig();
  const log = progress('backup');
  // Not migrated: a backup is what one takes before an upgrade.
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    log(`reading ${database.description}`);
    const figures = await backupDatabase(database, file, log);
    const rows = Object.values(figures).reduce((n, t) => n + t.rows, 0);
    const tables = Object.keys(figures).length;
    console.log(`Backup written to ${file}: ${tables} tables, ${rows} rows, ${statSync(file).size} bytes.`);
    return 0;
  } finally {
    await database.close();
  }
}
