import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

/**
 * Counts the rows every table gains, loses or has changed, per request. Comparing
 * `count(*)` of each table before and after would miss an UPDATE, and an insert paired with
 * a delete; so a row trigger on every table of the app's schema appends one line per written
 * row to `fuzz_write`, inside the writing transaction: a rolled-back write leaves no line,
 * a committed one always does. Installed by the fuzzer on its own throw-away database only.
 */
export async function installWriteLog(db: Db): Promise<string[]> {
  await db.execute(
    sql`CREATE TABLE IF NOT EXISTS fuzz_write (id bigserial PRIMARY KEY, tbl text NOT NULL, op text NOT NULL)`,
  );
  await db.execute(sql`
    CREATE OR REPLACE FUNCTION fuzz_write_row() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO fuzz_write (tbl, op) VALUES (TG_TABLE_NAME, TG_OP);
      RETURN NULL;
    END $$`);
  const result = await db.execute(sql`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'fuzz_write' ORDER BY tablename`);
  const tables = result.rows.map((r) => (r as { tablename: string }).tablename);
  for (const table of tables) {
    const name = sql.identifier(table);
    await db.execute(sql`DROP TRIGGER IF EXISTS fuzz_write ON ${name}`);
    await db.execute(
      sql`CREATE TRIGGER fuzz_write AFTER INSERT OR UPDATE OR DELETE ON ${name} FOR EACH ROW EXECUTE FUNCTION fuzz_write_row()`,
    );
    await db.execute(sql`DROP TRIGGER IF EXISTS fuzz_truncate ON ${name}`);
    await db.execute(
      sql`CREATE TRIGGER fuzz_truncate AFTER TRUNCATE ON ${name} FOR EACH STATEMENT EXECUTE FUNCTION fuzz_write_row()`,
    );
  }
  return tables;
}

/** Rows written per table (`table:OP` → count) since the last call; the first call sets the mark. */
export class WriteLog {
  private mark = 0n;
  constructor(private readonly db: Db) {}

  async since(): Promise<Map<string, number>> {
    const result = await this.db.execute(
      sql`SELECT tbl, op, count(*)::int AS n, max(id)::text AS last FROM fuzz_write WHERE id > ${this.mark.toString()}::bigint GROUP BY tbl, op`,
    );
    const out = new Map<string, number>();
    for (const row of result.rows as { tbl: string; op: string; n: number; last: string }[]) {
      out.set(`${row.tbl}:${row.op}`, row.n);
      if (BigInt(row.last) > this.mark) this.mark = BigInt(row.last);
    }
    return out;
  }
}
