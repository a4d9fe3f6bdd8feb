import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import { type Database, type DbOrTx, rowsOf } from './client.ts';
import { canonicalSession, listTables, migrationLevel, quote, type TableInfo } from './catalog.ts';

/**
 * Tillit's own logical backup, the same file for both engines (so a pilot on the embedded
 * database can move to PostgreSQL by backup and restore). A gzip of lines:
 *
 *   @header {"format":"tillit-backup/1","createdAt":…,"engine":…,"migrations":{"count","lastHash"}}
 *   @table {"name":"district","columns":[…]}
 *   {…one row as PostgreSQL's row_to_json gives it…}
 *   …
 *   @end {"tables":{"district":{"rows":4,"sha256":"…"},…}}
 *
 * Rows are read in one snapshot (REPEATABLE READ) in primary-key order under canonical
 * session settings, and their JSON text is never parsed in JavaScript: numbers, times and
 * arrays go back through PostgreSQL's own input functions (json_populate_recordset), so
 * nothing is rounded. The content hash of a table is SHA-256 over its rows' JSON lines.
 */
export const BACKUP_FORMAT = 'tillit-backup/1';

export type TableFigures = Record<string, { rows: number; sha256: string }>;
export type Progress = (message: string) => void;

const BATCH = 1000;

/** Streams a table's rows as JSON text, in primary-key order, through a cursor. */
async function* tableRows(tx: DbOrTx, table: TableInfo): AsyncGenerator<string[]> {
  const cursor = quote(`tillit_dump_${table.name}`);
  const order = table.key.map((k) => `t.${quote(k)}`).join(', ');
  await tx.execute(
    sql.raw(`DECLARE ${cursor} NO SCROLL CURSOR FOR
      SELECT row_to_json(t)::text AS j FROM ${quote(table.name)} t ORDER BY ${order}`),
  );
  for (;;) {
    const rows = rowsOf<{ j: string }>(await tx.execute(sql.raw(`FETCH ${BATCH} FROM ${cursor}`)));
    if (rows.length === 0) break;
    yield rows.map((r) => r.j);
  }
  await tx.execute(sql.raw(`CLOSE ${cursor}`));
}

/** Counts and hashes rows as they pass. */
class TableHash {
  rows = 0;
  private readonly hash = createHash('sha256');
  add(lines: string[]) {
    for (const line of lines) this.hash.update(`${line}\n`);
    this.rows += lines.length;
  }
  digest() {
    return { rows: this.rows, sha256: this.hash.digest('hex') };
  }
}

/** Row count and content hash of every table, read inside the caller's transaction. */
export async function tableFiguresIn(tx: DbOrTx): Promise<TableFigures> {
  await canonicalSession(tx);
  const figures: TableFigures = {};
  for (const table of await listTables(tx)) {
    const h = new TableHash();
    for await (const lines of tableRows(tx, table)) h.add(lines);
    figures[table.name] = h.digest();
  }
  return figures;
}

/** Row count and content hash of every table, in one consistent snapshot. */
export function tableFigures(db: DbOrTx): Promise<TableFigures> {
  return db.transaction((tx) => tableFiguresIn(tx), { isolationLevel: 'repeatable read', accessMode: 'read only' });
}

/**
 * Writes a backup of the whole database to `file` (written to `file.partial` and renamed at
 * the end, so a file by that name is always complete; readable by its owner only).
 */
export async function backupDatabase(database: Database, file: string, progress: Progress): Promise<TableFigures> {
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const done = pipeline(gzip, createWriteStream(partial, { mode: 0o600 }));
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
  };
  try {
    const figures = await database.db.transaction(
      async (tx) => {
        await canonicalSession(tx);
        const migrations = await migrationLevel(tx);
        const header = {
          format: BACKUP_FORMAT,
          createdAt: new Date().toISOString(),
          engine: database.kind,
          migrations,
        };
        await write(`@header ${JSON.stringify(header)}`);
        const figures: TableFigures = {};
        for (const table of await listTables(tx)) {
          await write(`@table ${JSON.stringify({ name: table.name, columns: table.columns })}`);
          const h = new TableHash();
          for await (const lines of tableRows(tx, table)) {
            h.add(lines);
            for (const line of lines) await write(line);
            if (h.rows % 50_000 < lines.length) progress(`${table.name}: ${h.rows} rows`);
          }
          figures[table.name] = h.digest();
          progress(`${table.name}: ${h.rows} rows`);
        }
        await write(`@end ${JSON.stringify({ tables: figures })}`);
        return figures;
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    gzip.end();
    await done;
    renameSync(partial, file);
    return figures;
  } catch (err) {
    gzip.destroy();
    await done.catch(() => {});
    rmSync(partial, { force: true });
    throw err;
  }
}

export interface BackupHeader {
  format: string;
  createdAt: string;
  engine: string;
  migrations: { count: number; lastHash: string | null };
}

/** Reads a backup file line by line: the header first, then tables with their rows, then the figures. */
export async function* readBackup(
  file: string,
): AsyncGenerator<
  | { kind: 'header'; header: BackupHeader }
  | { kind: 'table'; name: string; columns: string[] }
  | { kind: 'row'; line: string }
  | { kind: 'end'; tables: TableFigures }
> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  let first = true;
  for await (const line of lines) {
    if (first) {
      if (!line.startsWith('@header ')) throw new Error(`${file} is not a Tillit backup`);
      const header = JSON.parse(line.slice(8)) as BackupHeader;
      if (header.format !== BACKUP_FORMAT) throw new Error(`${file} has format ${header.format}, not ${BACKUP_FORMAT}`);
      first = false;
      yield { kind: 'header', header };
    } else if (line.startsWith('{')) yield { kind: 'row', line };
    else if (line.startsWith('@table ')) yield { kind: 'table', ...JSON.parse(line.slice(7)) };
    else if (line.startsWith('@end ')) yield { kind: 'end', tables: JSON.parse(line.slice(5)).tables };
    else if (line !== '') throw new Error(`${file}: unexpected line ${line.slice(0, 40)}`);
  }
  if (first) throw new Error(`${file} is empty`);
}

/**
 * Reads a backup through and checks each table's rows against its closing figures, so a
 * truncated or damaged file is found before a restore touches the database.
 */
export async function checkBackupFile(file: string): Promise<{ header: BackupHeader; tables: TableFigures }> {
  let header: BackupHeader | undefined;
  const seen: Record<string, TableHash> = {};
  let current: TableHash | undefined;
  for await (const entry of readBackup(file)) {
    if (entry.kind === 'header') header = entry.header;
    else if (entry.kind === 'table') {
      current = new TableHash();
      seen[entry.name] = current;
    } else if (entry.kind === 'row') current?.add([entry.line]);
    else {
      for (const [name, want] of Object.entries(entry.tables)) {
        const got = seen[name]?.digest();
        if (!got || got.rows !== want.rows || got.sha256 !== want.sha256) {
          throw new Error(`${file} is damaged: table ${name} does not match its figures`);
        }
      }
      return { header: header!, tables: entry.tables };
    }
  }
  throw new Error(`${file} is cut short (no closing figures)`);
}
