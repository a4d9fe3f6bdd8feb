import { type ImportKind, type ImportReport, importColumns } from '@tillit/contracts';
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { forbidden } from '../../http/errors.ts';
import { createImportedAccounts } from '../accounts/index.ts';
import { appendAudit, type AuditEntry, auditWriterFor } from '../audit/index.ts';
import { importStaff } from '../organisation/index.ts';
import { importRecipients } from '../recipients/index.ts';
import { loadContext } from './imports.context.ts';
import { type CsvRow, parseCsv } from './imports.csv.ts';
import {
  type CheckedRow,
  checkRecipientRows,
  checkStaffRows,
  type RecipientImport,
  type StaffImport,
} from './imports.rules.ts';

/**
 * Real runs take this transaction-scoped advisory lock before they check the file, so two runs
 * of the same file (two tabs, a double click, the CLI beside the web) are checked and written
 * one after the other: the second sees the first's rows as already registered and writes
 * nothing. The unique national id and username would stop a copy anyway; the lock also covers
 * staff without a username, whom no constraint identifies.
 */
export const IMPORT_LOCK = 7_240_524;

type Checked = CheckedRow<StaffImport> | CheckedRow<RecipientImport>;

/** Thrown inside the real run's transaction to roll it back when a row is refused. */
class Refused extends Error {}

/** The answer, and whether a real run was refused (→ 422). */
export interface ImportOutcome {
  refused: boolean;
  report: ImportReport;
}

/** Imports a file of one kind for an administrator: a dry run, or a real run that writes all or nothing. */
export class ImportService {
  constructor(
    private readonly db: Db,
    private readonly actor: Actor,
  ) {}

  async run(kind: ImportKind, csv: string, dryRun: boolean): Promise<ImportOutcome> {
    if (this.actor.role !== 'admin') throw forbidden('admin_only', 'Only administrators import files');
    const rows = parseCsv(csv, importColumns[kind]);
    if (dryRun) {
      const { checked, registered } = await this.check(this.db, kind, rows);
      const report = this.report(kind, true, checked, 0);
      await this.auditOutside(kind, report, registered);
      return { refused: false, report };
    }
    let found: Awaited<ReturnType<ImportService['check']>> | undefined;
    try {
      const report = await this.db.transaction(async (tx) => {
        await tx.execute(sql`SELECT pg_advisory_xact_lock(${IMPORT_LOCK})`);
        found = await this.check(tx, kind, rows);
        if (found.checked.some((c) => c.problems.length)) throw new Refused();
        const imported = await this.write(tx, kind, found.checked);
        const done = this.report(kind, false, found.checked, imported);
        await appendAudit(tx, this.summaryEntry(kind, done));
        return done;
      });
      return { refused: false, report };
    } catch (err) {
      if (!(err instanceof Refused) || !found) throw err;
      const report = this.report(kind, false, found.checked, 0);
      await this.auditOutside(kind, report, found.registered);
      return { refused: true, report };
    }
  }

  private async check(db: DbOrTx, kind: ImportKind, rows: CsvRow[]) {
    const { context, registered } = await loadContext(db, rows, this.actor.today);
    const checked: Checked[] = kind === 'staff' ? checkStaffRows(rows, context) : checkRecipientRows(rows, context);
    return { checked, registered };
  }

  private async write(tx: DbOrTx, kind: ImportKind, checked: Checked[]): Promise<number> {
    if (kind === 'recipients') {
      const people = (checked as CheckedRow<RecipientImport>[]).map(({ value }) => {
        const { team, ...v } = value as RecipientImport;
        return { ...v, teamId: team.id };
      });
      return (await importRecipients(tx, this.actor, people)).length;
    }
    const people = (checked as CheckedRow<StaffImport>[]).map((c) => c.value as StaffImport);
    const ids = await importStaff(
      tx,
      this.actor,
      people.map(({ team, username: _, ...p }) => ({ ...p, teamId: team.id, districtId: team.districtId })),
    );
    const accounts = people.flatMap((p, i) =>
      p.username
        ? [
            {
              username: p.username,
              displayName: `${p.givenName} ${p.familyName}`,
              staffId: ids[i],
              districtId: p.team.districtId,
            },
          ]
        : [],
    );
    await createImportedAccounts(tx, accounts);
    return ids.length;
  }

  private report(kind: ImportKind, dryRun: boolean, checked: Checked[], imported: number): ImportReport {
    const refused = checked.filter((c) => c.problems.length).length;
    return {
      kind,
      dryRun,
      counts: { rows: checked.length, ok: checked.length - refused, refused },
      imported,
      rows: checked.map((c) => ({
        line: c.line,
        status: c.problems.length ? 'refused' : 'ok',
        label: c.label,
        problems: c.problems,
      })),
    };
  }

  private summaryEntry(kind: ImportKind, report: ImportReport): AuditEntry {
    return {
      at: this.actor.now,
      actorUserId: this.actor.userId,
      actorName: this.actor.displayName,
      action: `import.${kind}`,
      recipientId: null,
      basis: 'admin',
      emergencyAccessId: null,
      details: { dryRun: report.dryRun, counts: report.counts, imported: report.imported },
    };
  }

  /**
   * A dry run, or a refused real run, writes no data but is logged: one row for the attempt,
   * and one against each person whose national id the file named and the register holds, since
   * the answer told the administrator that this person is registered here (as when a person
   * is registered twice by hand, recipients.repository.ts).
   */
  private async auditOutside(kind: ImportKind, report: ImportReport, registered: Map<string, string>) {
    const writer = auditWriterFor(this.db);
    const appends = [writer.append(this.summaryEntry(kind, report))];
    for (const recipientId of registered.values())
      appends.push(
        writer.append({
          ...this.summaryEntry(kind, report),
          action: 'record.import',
          recipientId,
          basis: 'denied',
          details: { refused: 'national_id_registered', dryRun: report.dryRun },
        }),
      );
    await Promise.all(appends);
  }
}
