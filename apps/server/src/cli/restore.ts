import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { restoreDatabase } from '../db/restore.ts';
import { verifyAuditLog } from '../modules/audit/index.ts';
import { progress } from './shared.ts';

/**
 * `tillit restore FILE [--replace]`: loads a backup into the configured database (stop the
 * servers first). Refuses a database that holds data unless --replace; checks every table's
 * row count and content hash before committing, then the audit log's hash chains.
 */
export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { replace: { type: 'boolean' } },
  });
  if (positionals.length !== 1) {
    console.error('Usage: tillit restore FILE [--replace]');
    return 2;
  }
  const [file] = positionals;
  const config = loadConfig();
  const log = progress('restore');
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    log(`restoring into ${database.description}`);
    const figures = await restoreDatabase(database, file, log, { replace: values.replace });
    const rows = Object.values(figures).reduce((n, t) => n + t.rows, 0);
    console.log(`Restored ${Object.keys(figures).length} tables, ${rows} rows; every table matches the backup.`);
    const audit = await verifyAuditLog(database.db);
    if (!audit.ok) {
      console.log(`Audit log BROKEN after the restore (chain ${audit.chain}, row ${audit.firstBrokenSeq}).`);
      return 1;
    }
    console.log(`Audit log intact: ${audit.rows} rows.`);
    return 0;
  } finally {
    await database.close();
  }
}
