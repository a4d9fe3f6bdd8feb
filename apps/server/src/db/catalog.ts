import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { type DbOrTx, migrationsFolder, rowsOf } from './client.ts';

/** What backup and restore need to know about one of Tillit's tables, read from the catalog. */
export interface TableInfo {
  name: string;
  /** Columns the restore writes (generated columns are left to the database). */
  columns: string[];
  /** Primary key columns: the order rows are dumped and hashed in. */
  key: string[];
  /** Identity columns whose sequence must continue after the restored rows. */
  identity: string[];
}

export const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Tillit's tables (schema `public`) ordered so that every table comes after the tables its
 * foreign keys point to: the order a restore inserts in.
 */
export async function listTables(db: DbOrTx): Promise<TableInfo[]> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`
      SELECT c.relname AS name FROM pg_class c
       WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') ORDER BY c.relname`),
  ).map((t) => t.name);
  const references = rowsOf<{ child: string; parent: string }>(
    await db.execute(sql`
      SELECT ch.relname AS child, pa.relname AS parent FROM pg_constraint f
        JOIN pg_class ch ON ch.oid = f.conrelid JOIN pg_class pa ON pa.oid = f.confrelid
       WHERE f.contype = 'f' AND f.connamespace = 'public'::regnamespace AND f.conrelid <> f.confrelid`),
  );
  const columns = rowsOf<{ tbl: string; col: string; generated: string; identity: string; key: number | null }>(
    await db.execute(sql`
      SELECT c.relname AS tbl, a.attname AS col, a.attgenerated::text AS generated, a.attidentity::text AS identity,
             array_position(i.indkey::int2[], a.attnum) AS key
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
        LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
       WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
       ORDER BY c.relname, a.attnum`),
  );
  const info = new Map<string, TableInfo>(tables.map((name) => [name, { name, columns: [], key: [], identity: [] }]));
  const keyed: Record<string, { col: string; at: number }[]> = {};
  for (const c of columns) {
    const t = info.get(c.tbl)!;
    if (!c.generated) t.columns.push(c.col);
    if (c.identity) t.identity.push(c.col);
    if (c.key !== null) {
      keyed[c.tbl] ??= [];
      keyed[c.tbl].push({ col: c.col, at: Number(c.key) });
    }
  }
  for (const t of info.values()) {
    // A table without a primary key is ordered by all its columns.
    t.key = keyed[t.name] ? keyed[t.name].sort((a, b) => a.at - b.at).map((k) => k.col) : t.columns;
  }
  // Depth-first topological order; a cycle of foreign keys would need deferred constraints.
  const order: TableInfo[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new Error(`foreign keys form a cycle through ${name}`);
    state.set(name, 'visiting');
    for (const r of references) if (r.child === name) visit(r.parent);
    state.set(name, 'done');
    order.push(info.get(name)!);
  };
  for (const name of tables) visit(name);
  return order;
}

/**
 * Session settings under which a row's JSON text is the same on every engine and server:
 * times in UTC, the default float and interval forms.
 */
export async function canonicalSession(tx: DbOrTx) {
  await tx.execute(sql`SET LOCAL TimeZone = 'UTC'`);
  await tx.execute(sql`SET LOCAL IntervalStyle = 'postgres'`);
  await tx.execute(sql`SET LOCAL extra_float_digits = 1`);
  await tx.execute(sql`SET LOCAL bytea_output = 'hex'`);
}

/** The migrations the database has applied, and the code's own. */
export async function migrationLevel(db: DbOrTx): Promise<{ count: number; lastHash: string | null }> {
  const exists = rowsOf<{ t: string | null }>(
    await db.execute(sql`SELECT to_regclass('drizzle.__drizzle_migrations')::text AS t`),
  );
  if (!exists[0]?.t) return { count: 0, lastHash: null };
  const rows = rowsOf<{ count: number; last: string | null }>(
    await db.execute(sql`
      SELECT count(*)::int AS count, (SELECT hash FROM drizzle.__drizzle_migrations ORDER BY created_at DESC, id DESC LIMIT 1) AS last
        FROM drizzle.__drizzle_migrations`),
  );
  return { count: rows[0].count, lastHash: rows[0].last };
}

export const codeMigrations = () => readMigrationFiles({ migrationsFolder });
