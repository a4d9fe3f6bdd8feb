import { verifyAuditLog } from '../modules/audit/audit.repository.ts';
import { openConfigured, progress } from './shared.ts';

/** Recomputes the audit chain; exit code 1 and the first broken row when it does not hold. */
export async function run(): Promise<number> {
  const log = progress('audit verify');
  const database = await openConfigured();
  try {
    const result = await verifyAuditLog(database.db, (seq) => log(`checked up to row ${seq}`));
    if (result.ok) {
      console.log(`Audit log intact: ${result.rows} rows, last row ${result.lastSeq}.`);
      return 0;
    }
    const why = { hash_mismatch: 'its content or hash was changed', missing_row: 'it is missing (deleted)', head_mismatch: 'the newest rows were removed' }[result.reason];
    console.log(`Audit log BROKEN at row ${result.firstBrokenSeq}: ${why}. ${result.rows} rows before it are intact.`);
    return 1;
  } finally {
    await database.close();
  }
}
