import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { importKind } from '@tillit/contracts';
import { loadConfig } from '../config.ts';
import { AppError } from '../http/errors.ts';
import { adminActor } from '../modules/accounts/index.ts';
import { ImportService } from '../modules/imports/index.ts';
import { openConfigured } from './shared.ts';

const USAGE = 'Usage: tillit import staff|recipients FILE --as ADMIN_USERNAME [--dry-run]';

/**
 * `tillit import staff|recipients FILE --as ADMIN [--dry-run]`: the same service as the «Importer»
 * page, acting as the named administrator (the audit rows name them). Prints each refused row
 * and the counts; exit 0 when the file was tried clean or imported, 1 when rows were refused.
 */
export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { as: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
  });
  const kind = importKind.safeParse(positionals[0]);
  if (!kind.success || !positionals[1] || !values.as) {
    console.error(USAGE);
    return 2;
  }
  const csv = await readFile(positionals[1], 'utf8');
  const config = loadConfig();
  const database = await openConfigured(config);
  try {
    const actor = await adminActor(database.db, values.as, config.clock.now());
    if (!actor) {
      console.error(`${values.as} is not an enabled administrator account`);
      return 2;
    }
    const { report } = await new ImportService(database.db, actor).run(kind.data, csv, values['dry-run'] ?? false);
    for (const row of report.rows.filter((r) => r.status === 'refused'))
      for (const p of row.problems) console.log(`line ${row.line} (${row.label || '?'}): ${p.field}: ${p.message}`);
    const { rows, ok, refused } = report.counts;
    console.log(
      `${rows} rows: ${ok} ok, ${refused} refused; ${report.imported} imported${report.dryRun ? ' (dry run)' : ''}`,
    );
    return refused ? 1 : 0;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    for (const f of err.extra.fields ?? []) console.error(`${f.field}: ${f.message}`);
    if (!err.extra.fields?.length) console.error(err.message);
    return 2;
  } finally {
    await database.close();
  }
}
