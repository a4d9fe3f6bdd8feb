import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { type Db, type DbOrTx, rowsOf } from '../../db/client.ts';
import * as t from '../../db/schema.ts';
import { hashPassword } from '../accounts/index.ts';
import { generateVisits } from '../care/index.ts';
import { filePastAnswers, isClosed } from '../surveys/index.ts';
import { competenceCatalogue, DEMO_PASSWORD, type District, type History } from './generator.ts';
import { dayClock } from './history.calendar.ts';
import { loadDemoPortal } from './portal.ts';

/**
 * Many rows in few statements: each chunk goes in as one JSON parameter that the database
 * unpacks (json_populate_recordset), some thousand rows at a time (a year of visits is a
 * hundred thousand rows; one INSERT per 500 rows with a parameter per value took far longer).
 */
export async function bulkInsert(tx: DbOrTx, table: PgTable, rows: Record<string, unknown>[], size = 4000) {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const keys = Object.keys(rows[0]);
  // A key left out would be NULL here, not the column's default: every row names the same columns.
  if (rows.some((r) => Object.keys(r).length !== keys.length))
    throw new Error(`Rows for ${getTableName(table)} name different columns`);
  const names = keys.map((k) => columns[k].name);
  const list = sql.join(
    names.map((n) => sql.identifier(n)),
    sql`, `,
  );
  const name = sql.identifier(getTableName(table));
  for (let i = 0; i < rows.length; i += size) {
    const json = JSON.stringify(
      rows.slice(i, i + size).map((r) => Object.fromEntries(keys.map((k, j) => [names[j], r[k]]))),
    );
    await tx.execute(
      sql`INSERT INTO ${name} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${name}, ${json}::json)`,
    );
  }
}

const csvValue = (v: unknown) =>
  v === null || v === undefined
    ? ''
    : v instanceof Date
      ? v.toISOString()
      : typeof v === 'string'
        ? `"${v.replace(/"/g, '""')}"`
        : typeof v === 'boolean'
          ? v
            ? 't'
            : 'f'
          : String(v);

/**
 * The largest tables of the history on the embedded database: COPY from a CSV blob inside the
 * loader's transaction (PGlite reads `/dev/blob`), over twice as fast as the JSON statements;
 * elsewhere (PostgreSQL) `bulkInsert`. Plain columns only (text, numbers, dates, booleans).
 */
async function copyInsert(tx: DbOrTx, table: PgTable, rows: Record<string, unknown>[]) {
  const { PgliteTransaction } = await import('drizzle-orm/pglite');
  if (!(tx instanceof PgliteTransaction) || rows.length === 0) return bulkInsert(tx, table, rows);
  const client = (tx as unknown as { session: { client: PGliteQuery } }).session.client;
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const keys = Object.keys(rows[0]);
  const names = keys.map((k) => `"${columns[k].name}"`).join(', ');
  const csv = rows.map((r) => keys.map((k) => csvValue(r[k])).join(',')).join('\n');
  await client.query(`COPY "${getTableName(table)}" (${names}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
    blob: new Blob([csv]),
  });
}
type PGliteQuery = { query(text: string, params: unknown[], options: { blob: Blob }): Promise<unknown> };

/** The competence catalogue is reference data every installation needs, demo or not. */
export async function ensureCompetenceCatalogue(db: DbOrTx) {
  await db.insert(t.competenceTypes).values(competenceCatalogue).onConflictDoNothing();
}

/** True when the database holds no district yet (first start). */
export async function isEmpty(db: Db): Promise<boolean> {
  const res = await db.execute(sql`SELECT count(*)::int AS n FROM district`);
  return (res.rows[0] as { n: number }).n === 0;
}

/**
 * Inserts a generated district in one transaction. All demo users share one argon2id hash
 * of the demo password (hashing 130 times would only slow the first start).
 */
export async function loadDistrict(db: Db, d: District, onProgress?: (step: string) => void, visitsFrom?: string) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const { measures, versions } = measuresWithVersions(d);
  await db.transaction(async (tx) => {
    const steps: [string, PgTable, Record<string, unknown>[]][] = [
      ['municipality', t.municipalities, [d.municipality]],
      ['district', t.districts, [d.district]],
      ['teams', t.teams, d.teams],
      ['staff', t.staff, d.staff],
      ['memberships', t.teamMemberships, d.memberships],
      ['competences', t.staffCompetences, d.competences],
      ['rota', t.rotaEntries, d.rotaEntries],
      ['users', t.users, d.users.map((u) => ({ ...u, passwordHash }))],
      ['people served', t.recipients, d.recipients],
      ['care relations', t.recipientTeams, d.recipientTeams],
      ['next of kin', t.nextOfKin, d.nextOfKin],
      ['what matters', t.whatMatters, d.whatMatters],
      ['goals', t.goals, d.goals],
      ['measures', t.measures, measures],
      ['measure versions', t.measureVersions, versions],
      // The frame each team may grant on its own, per person and week.
      [
        'team frames',
        t.teamFrames,
        d.teams.flatMap((team) => [
          { teamId: team.id, serviceType: 'hjemmesykepleie', maxHoursPerWeek: 10 },
          { teamId: team.id, serviceType: 'praktisk_bistand', maxHoursPerWeek: 6 },
          { teamId: team.id, serviceType: 'opplaering', maxHoursPerWeek: 4 },
        ]),
      ],
    ];
    await ensureCompetenceCatalogue(tx);
    for (const [name, table, rows] of steps) {
      onProgress?.(`${name} (${rows.length})`);
      await bulkInsert(tx, table, rows, 1000);
    }
    if (d.history) await loadHistory(tx, d.history, onProgress);
    onProgress?.('Min side (3 log-ins)');
    await loadDemoPortal(tx, d);
    if (visitsFrom) {
      // Two weeks of visits from the plans, with each measure's usual helper.
      for (const team of d.teams) {
        const { created } = await generateVisits(tx, team.id, visitsFrom, 14);
        onProgress?.(`visits for ${team.name} (${created})`);
      }
    }
  });
  if (d.history) await loadPastAnswers(db, d.history, onProgress);
}

/**
 * The measures as they stand and every version of them: the first made with the person when the
 * plan started, later ones where the history changed the plan after a change in condition.
 */
function measuresWithVersions(d: District) {
  const author = new Map(d.whatMatters.map((w) => [w.recipientId, w.recordedBy]));
  const created = d.history ? dayClock(d.history.span.epoch)(600) : undefined;
  const versions: Record<string, unknown>[] = d.measures.map((m) => ({
    measureId: m.id,
    version: 1,
    snapshot: m,
    changedBy: author.get(m.recipientId)!,
    changedAt: created ?? new Date(),
    reason: 'Tiltaksplan laget sammen med personen',
    decidedWithPerson: true,
  }));
  const latest = new Map<string, { version: number; how: string; updatedAt: Date }>();
  const byId = new Map(d.measures.map((m) => [m.id, m]));
  for (const c of d.history?.changes ?? []) {
    const snapshot = { ...byId.get(c.measureId)!, how: c.how, version: c.version };
    versions.push({ ...c, snapshot, how: undefined });
    latest.set(c.measureId, { version: c.version, how: c.how, updatedAt: c.changedAt });
  }
  const measures = d.measures.map((m) => ({
    ...m,
    version: 1,
    updatedAt: created ?? new Date(),
    ...latest.get(m.id),
  }));
  return { measures, versions: versions.map(({ how: _how, ...v }) => v) };
}

/** The year behind the demo: documented visits, flags, service decisions (history.ts). */
async function loadHistory(tx: DbOrTx, h: History, onProgress?: (step: string) => void) {
  // The foreign keys' per-row checks are most of the time of 200,000 rows on the embedded
  // database. The rows are generated from the district's own ids (history.test.ts checks each
  // reference), so a superuser (the embedded database always) skips the checks for this
  // transaction only; any other role keeps them.
  const [role] = rowsOf<{ superuser: boolean }>(
    await tx.execute(sql`SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user`),
  );
  if (role?.superuser) await tx.execute(sql`SET LOCAL session_replication_role = replica`);
  const steps: [string, PgTable, Record<string, unknown>[]][] = [
    ['past visits', t.visits, h.visits as never],
    ['their measures', t.visitMeasures, h.outcomes as never],
    ['changes in condition', t.conditionChanges, h.flags as never],
    ['service decisions', t.serviceDecisions, h.decisions as never],
    ['functional assessments', t.functionalAssessments, h.assessments as never],
    ['their scores', t.functionalAssessmentScores, h.assessmentScores as never],
  ];
  for (const [name, table, rows] of steps) {
    onProgress?.(`${name} (${rows.length})`);
    await (rows.length > 10_000 ? copyInsert(tx, table, rows) : bulkInsert(tx, table, rows));
  }
  if (role?.superuser) await tx.execute(sql`SET LOCAL session_replication_role = origin`);
}

/** Survey and pulse answers of the closed quarters, through the surveys module's ballot boxes. */
async function loadPastAnswers(db: Db, h: History, onProgress?: (step: string) => void) {
  const closed = (q: string) => isClosed(q, h.now);
  const filed = await filePastAnswers(db, h.now, {
    survey: h.survey.filter((a) => closed(a.quarter)),
    pulse: h.pulse.filter((a) => closed(a.quarter)),
  });
  onProgress?.(`survey answers (${filed.survey}), pulse answers (${filed.pulse})`);
}
