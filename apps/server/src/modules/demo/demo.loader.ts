import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from '../../db/client.ts';
import * as t from '../../db/schema.ts';
import { hashPassword } from '../accounts/index.ts';
import { generateVisits } from '../care/index.ts';
import { competenceCatalogue, DEMO_PASSWORD, type District } from './generator.ts';

async function insertInBatches(tx: DbOrTx, table: PgTable, rows: Record<string, unknown>[], size = 500) {
  for (let i = 0; i < rows.length; i += size) await tx.insert(table).values(rows.slice(i, i + size) as never);
}

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
      ['measures', t.measures, d.measures],
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
      await insertInBatches(tx, table, rows);
    }
    await tx.insert(t.measureVersions).values(
      d.measures.map((m) => ({
        measureId: m.id,
        version: 1,
        snapshot: m,
        changedBy: d.whatMatters.find((w) => w.recipientId === m.recipientId)!.recordedBy,
        reason: 'Tiltaksplan laget sammen med personen',
        decidedWithPerson: true,
      })),
    );
    if (visitsFrom) {
      // Two weeks of visits from the plans, with each measure's usual helper.
      for (const team of d.teams) {
        const { created } = await generateVisits(tx, team.id, visitsFrom, 14);
        onProgress?.(`visits for ${team.name} (${created})`);
      }
    }
  });
}
