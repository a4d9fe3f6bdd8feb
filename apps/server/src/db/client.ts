import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { TIME_ZONE } from '@tillit/contracts';
import * as schema from './schema.ts';
import { acquireLock } from './lock.ts';

/** Both drivers answer raw SQL with `{ rows }`; this tells the type system so. */
interface RowsResultHKT extends PgQueryResultHKT {
  type: { rows: Record<string, unknown>[] };
}

/** The drizzle handle the rest of the server uses; the same type for PGlite and PostgreSQL. */
export type Db = PgDatabase<RowsResultHKT, typeof schema>;
/** A transaction handle; repositories accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

/** Rows of a raw `db.execute(sql…)` result, typed by the caller (the SQL names the columns). */
export const rowsOf = <T>(result: { rows: unknown[] }) => result.rows as T[];

export type DatabaseKind = 'embedded' | 'postgresql';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** A human description for logs (no credentials); never shown to the public. */
  description: string;
  /**
   * How the job queue (pg-boss) reaches the same database: its own pool for PostgreSQL, or
   * an `executeSql` adapter onto the one embedded PGlite connection.
   */
  queueConnection:
    | { connectionString: string }
    | { db: { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> } };
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… — when set, PostgreSQL is used. */
  databaseUrl?: string;
  /** Folder for the embedded database; ignored for PostgreSQL. Omit for an in-memory PGlite. */
  dataDir?: string;
  /** Connection pool size for PostgreSQL. */
  poolSize?: number;
}

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const { default: pg } = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    // Every session runs on Oslo time (a startup parameter, so no extra round trip): casts of a
    // timestamp to a date, and any current_date left in defaults, then mean the Norwegian day.
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 20,
      options: `-c TimeZone=${TIME_ZONE}`,
    });
    const db = drizzle(pool, { schema }) as unknown as Db;
    const url = new URL(opts.databaseUrl);
    return {
      db,
      kind: 'postgresql',
      description: `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`,
      queueConnection: { connectionString: opts.databaseUrl },
      close: () => pool.end(),
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  let release = async () => {};
  let client: InstanceType<typeof PGlite>;
  if (opts.dataDir) {
    mkdirSync(opts.dataDir, { recursive: true });
    release = await acquireLock(path.join(opts.dataDir, 'tillit.lock'));
    try {
      client = await PGlite.create(path.join(opts.dataDir, 'pglite'));
    } catch (err) {
      await release();
      throw err;
    }
  } else {
    client = await PGlite.create();
  }
  // The one embedded connection runs on Oslo time, as PostgreSQL's sessions do.
  await client.exec(`SET TIME ZONE '${TIME_ZONE}'`);
  const db = drizzle(client, { schema }) as unknown as Db;
  const pglite = client;
  // pg-boss sends parameterless multi-statement scripts (its own migrations): those need exec.
  const executeSql = async (text: string, values?: unknown[]) => {
    if (values && values.length > 0) return pglite.query(text, values as never[]);
    const results = await pglite.exec(text);
    return results[results.length - 1] ?? { rows: [] };
  };
  return {
    db,
    kind: 'embedded',
    queueConnection: { db: { executeSql } },
    description: opts.dataDir ? `PGlite ${path.resolve(opts.dataDir)}` : 'PGlite (in memory)',
    close: async () => {
      await client.close();
      await release();
    },
  };
}

/** Any fixed number: the PostgreSQL advisory lock that lets one server at a time prepare the database. */
const STARTUP_LOCK = 7_152_019;

/**
 * Runs `fn` while this server holds the start-up lock: on PostgreSQL several app servers may
 * start at once, and what each does first — the migrations, creating the job queue (pg-boss
 * writes a row and creates and attaches a partition, DML and DDL that deadlock when two servers
 * do it together on a fresh database) — must run one server at a time. A session-level advisory
 * lock on a connection of its own; ending the session releases it. PGlite has one server by design.
 */
export async function withStartupLock<T>(
  database: Database,
  fn: (client: import('pg').Client | undefined) => Promise<T>,
): Promise<T> {
  if (database.kind !== 'postgresql') return fn(undefined);
  const { default: pg } = await import('pg');
  const { connectionString } = database.queueConnection as { connectionString: string };
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK]);
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Applies the migration set; the same files on both engines. On PostgreSQL under the start-up
 * lock, so the migrations run once and the other servers find them applied.
 */
export async function migrateDatabase(database: Database, folder = migrationsFolder): Promise<void> {
  if (database.kind === 'postgresql') {
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    // on the connection that holds the lock
    await withStartupLock(database, (client) => migrate(drizzle(client!), { migrationsFolder: folder }));
  } else {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(database.db as never, { migrationsFolder: folder });
  }
}
