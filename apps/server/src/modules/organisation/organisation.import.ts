import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { forbidden } from '../../http/errors.ts';
import { appendAudit } from '../audit/index.ts';
import { staff, staffCompetences, teamMemberships } from './organisation.tables.ts';

/** A staff member from an import file, checked by the imports module. */
export interface ImportedStaff {
  districtId: string;
  teamId: string;
  givenName: string;
  familyName: string;
  profession: typeof staff.$inferInsert.profession;
  competences: string[];
  startDate: string;
  email: string | null;
  phone: string | null;
}

/**
 * Registers staff members from an import in the caller's transaction (the import is all or
 * nothing): the person, the team membership from the start date, each competence from the same
 * date without an end, and an audit row per person. Administrators only.
 */
export async function importStaff(tx: DbOrTx, actor: Actor, people: ImportedStaff[]): Promise<string[]> {
  if (actor.role !== 'admin') throw forbidden('admin_only', 'Only administrators import staff');
  const ids: string[] = [];
  for (const p of people) {
    const [row] = await tx
      .insert(staff)
      .values({
        districtId: p.districtId,
        givenName: p.givenName,
        familyName: p.familyName,
        profession: p.profession,
        email: p.email,
        phone: p.phone,
      })
      .returning({ id: staff.id });
    await tx.insert(teamMemberships).values({ teamId: p.teamId, staffId: row.id, validFrom: p.startDate });
    if (p.competences.length)
      await tx
        .insert(staffCompetences)
        .values(p.competences.map((code) => ({ staffId: row.id, competenceCode: code, validFrom: p.startDate })));
    await appendAudit(tx, {
      at: actor.now,
      actorUserId: actor.userId,
      actorName: actor.displayName,
      action: 'staff.import',
      recipientId: null,
      basis: 'admin',
      emergencyAccessId: null,
      details: { staffId: row.id, teamId: p.teamId, competences: p.competences },
    });
    ids.push(row.id);
  }
  return ids;
}
