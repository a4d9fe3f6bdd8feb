import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { checkBackupFile, type Progress, readBackup, type TableFigures, tableFiguresIn } from './backup.ts';
import { canonicalSession, codeMigrations, listTables, migrationLevel, quote, type TableInfo } from './catalog.ts';
import { type Database, type DbOrTx, migrateDatabase, migrationsFolder, rowsOf } from './client.ts';

const BATCH = 1000;

/** Tables whose rows mean the database is in use: a restore never overwrites those unasked. */
const IN_USE = ['audit_log', 'recipient', 'user_account', 'district'];

async function holdsData(db: DbOrTx): Promise<boolean> {
  const present = new Set((await listTables(db)).map((t) => t.name));
  for (const table of IN_USE.filter((t) => present.has(t))) {
    const rows = rowsOf<{ any: boolean }>(
      await db.execute(sql.raw(`SELECT EXISTS (SELECT FROM ${quote(table)}) AS any`)),
    );
    if (rows[0].any) return true;
  }
  return false;
}

/** Drops Tillit's schemas (tables, migration record, job queue). */
async function wipe(db: DbOrTx) {
  for (const schema of ['public', 'drizzle', 'pgboss'])
    await db.execute(sql.raw(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
  await db.execute(sql`CREATE SCHEMA public`);
}

/** A copy of the migrations folder holding only the first `count` migrations. */
function migrationsUpTo(count: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tillit-migrations-'));
  cpSync(migrationsFolder, dir, { recursive: true });
  const journalFile = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8'));
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

async function insertBatch(tx: DbOrTx, table: TableInfo, lines: string[]) {
  const columns = table.columns.map(quote).join(', ');
  const json = `[${lines.join(',')}]`;
  await tx.execute(
    sql
      .raw(
        `INSERT INTO ${quote(table.name)} (${columns}) OVERRIDING SYSTEM VALUE SELECT ${columns} FROM json_populate_recordset(NULL::${quote(table.name)}, `,
      )
      .append(sql`${json}::json)`),
  );
}

export interface RestoreOptions {
  /** Wipe a database that already holds data (otherwise the restore refuses). */
  replace?: boolean;
}

/**
 * Restores a backup into the database: refuses one that holds data unless `replace`; builds
 * the schema as it was when the backup was taken, loads every table in one transaction,
 * checks each table's row count and content hash against the backup before committing, then
 * applies the migrations that came since. Returns the figures it checked.
 */
export async function restoreDatabase(
  database: Database,
  file: string,
  progress: Progress,
  opts: RestoreOptions = {},
): Promise<TableFigures> {
  progress(`reading ${file} through before touching the database`);
  const { header } = await checkBackupFile(file);
  const code = codeMigrations();
  const level = header.migrations.count;
  if (level > code.length) {
    throw new Error(
      `The backup comes from a newer Tillit (${level} migrations, this one has ${code.length}). Upgrade first.`,
    );
  }
  if (level > 0 && code[level - 1].hash !== header.migrations.lastHash) {
    throw new Error(
      `The backup's schema (migration ${level}) differs from this Tillit's; restore it with its own version.`,
    );
  }
  if ((await holdsData(database.db)) && !opts.replace) {
    throw new Error('The database already holds data. Use --replace to wipe it and restore the backup.');
  }
  progress(`backup of ${header.createdAt} from the ${header.engine} database, schema at migration ${level}`);
  await wipe(database.db);
  const folder = migrationsUpTo(level);
  try {
    await migrateDatabase(database, folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }

  const figures = await database.db.transaction(async (tx) => {
    await canonicalSession(tx);
    const tables = new Map((await listTables(tx)).map((t) => [t.name, t]));
    // Migrations may seed rows (the audit chains' heads): the backup's rows replace them.
    for (const t of [...tables.values()].reverse()) await tx.execute(sql.raw(`DELETE FROM ${quote(t.name)}`));
    let table: TableInfo | undefined;
    let batch: string[] = [];
    let rows = 0;
    const flush = async () => {
      if (table && batch.length) await insertBatch(tx, table, batch);
      rows += batch.length;
      batch = [];
    };
    let expected: TableFigures | undefined;
    for await (const entry of readBackup(file)) {
      if (entry.kind === 'row') {
        if (!table) throw new Error(`${file}: a row before any table`);
        batch.push(entry.line);
        if (batch.length === BATCH) await flush();
        if (rows > 0 && rows % 50_000 === 0 && batch.length === 0) progress(`${table.name}: ${rows} rows`);
      } else if (entry.kind === 'table') {
        await flush();
        if (table) progress(`${table.name}: ${rows} rows`);
        table = tables.get(entry.name);
        if (!table) throw new Error(`${file}: table ${entry.name} is not in the schema`);
        rows = 0;
      } else if (entry.kind === 'end') {
        await flush();
        if (table) progress(`${table.name}: ${rows} rows`);
        expected = entry.tables;
      }
    }
    if (!expected) throw new Error(`${file} is cut short (no closing figures): nothing was restored`);
    for (const t of tables.values()) {
      for (const col of t.identity) {
        await tx.execute(
          sql.raw(`SELECT setval(pg_get_serial_sequence('${quote(t.name)}', '${col}'),
            (SELECT coalesce(max(${quote(col)}), 0) + 1 FROM ${quote(t.name)}), false)`),
        );
      }
    }
    progress('checking row counts and content hashes');
    const actual = await tableFiguresIn(tx);
    for (const [name, want] of Object.entries(expected)) {
      const got = actual[name];
      if (!got || got.rows !== want.rows || got.sha256 !== want.sha256) {
        throw new Error(
          `Table ${name} does not match the backup (${got?.rows ?? 0} rows, expected ${want.rows}): nothing was restored`,
        );
      }
    }
    return actual;
  });
  if ((await migrationLevel(database.db)).count < code.length) {
    progress('applying the migrations that came since the backup');
    await migrateDatabase(database);
  }
  return figures;
}
