import { verifyAuditLog } from '../modules/audit/index.ts';
import { openConfigured, progress } from './shared.ts';

/** Recomputes the audit chain; exit code 1 and the first broken row when it does not hold. */
export async function run(): Promise<number> {
  const log = progress('audit verify');
  const database = await openConfigured();
  try {
    const result = await verifyAuditLog(database.db, (rows) => log(`checked ${rows} rows`));
    if (result.ok) {
      console.log(`Audit log intact: ${result.rows} rows.`);
      return 0;
    }
    const where = `chain ${result.chain}, position ${result.chainSeq}`;
    const message = {
      hash_mismatch: `row ${result.firstBrokenSeq} (${where}) was changed: its hash no longer follows`,
      missing_row: `the row before row ${result.firstBrokenSeq} in ${where} was deleted`,
      head_mismatch: `the newest rows of chain ${result.chain} from position ${result.chainSeq} were deleted`,
    }[result.reason];
    console.log(`Audit log BROKEN: ${message}.`);
    return 1;
  } finally {
    await database.close();
  }
}
