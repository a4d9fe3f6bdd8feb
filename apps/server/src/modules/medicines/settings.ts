import type { HighRiskInput } from '@tillit/contracts';
import { eq, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { forbidden } from '../../http/errors.ts';
import { appendAudit } from '../audit/index.ts';
import { highRiskDrugs } from './medicines.tables.ts';
import { DEFAULT_HIGH_RISK } from './medicines.rules.ts';

/** The administrator's municipality (through their district); anyone else is refused. */
async function municipalityOf(db: Db, actor: Actor) {
  if (actor.role !== 'admin') throw forbidden('admin_only', 'Only administrators keep the list of high-risk drugs');
  const [row] = rowsOf<{ id: string }>(
    await db.execute(sql`SELECT d.municipality_id AS id FROM district d WHERE d.id = ${actor.districtId}`),
  );
  if (!row) throw forbidden('no_municipality', 'Your user belongs to no municipality');
  return row.id;
}

/**
 * The municipality's high-risk drugs (a setting per municipality): the list the administrator
 * keeps, or the national default while none is kept. An empty list given back restores the default.
 */
export async function highRiskList(db: Db, actor: Actor) {
  const municipalityId = await municipalityOf(db, actor);
  const rows = await db
    .select({ atcPrefix: highRiskDrugs.atcPrefix, label: highRiskDrugs.label })
    .from(highRiskDrugs)
    .where(eq(highRiskDrugs.municipalityId, municipalityId))
    .orderBy(highRiskDrugs.atcPrefix);
  return rows.length ? { isDefault: false, drugs: rows } : { isDefault: true, drugs: DEFAULT_HIGH_RISK };
}

export async function setHighRiskList(db: Db, actor: Actor, input: HighRiskInput) {
  const municipalityId = await municipalityOf(db, actor);
  const unique = [...new Map(input.drugs.map((d) => [d.atcPrefix, d])).values()];
  await db.transaction(async (tx) => {
    await tx.delete(highRiskDrugs).where(eq(highRiskDrugs.municipalityId, municipalityId));
    if (unique.length) await tx.insert(highRiskDrugs).values(unique.map((d) => ({ ...d, municipalityId })));
    await appendAudit(tx, {
      at: new Date(),
      actorUserId: actor.userId,
      actorName: actor.displayName,
      action: 'medicines.highRisk.set',
      recipientId: null,
      basis: 'admin',
      emergencyAccessId: null,
      details: { municipalityId, prefixes: unique.map((d) => d.atcPrefix) },
    });
  });
  return highRiskList(db, actor);
}
