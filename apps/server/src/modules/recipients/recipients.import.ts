import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { forbidden } from '../../http/errors.ts';
import { appendAudit } from '../audit/index.ts';
import { nextOfKin, recipients, recipientTeams } from './recipients.tables.ts';

/** A person served from an import file, checked by the imports module. */
export interface ImportedRecipient {
  teamId: string;
  startDate: string;
  nationalId: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  addressLine: string;
  postalCode: string;
  city: string;
  lat: number;
  lon: number;
  phone: string | null;
  consentShareWithNextOfKin: boolean;
  reservationAgainstSharing: boolean;
  nextOfKin: { name: string; relation: string; phone: string | null } | null;
}

/**
 * Registers people served from an import in the caller's transaction (all or nothing): the
 * person, the care relation with the serving team from the start date, the next of kin (the
 * closest), and an audit row per person naming them, so each record's log starts with its
 * import. Administrators only: they move a municipality's register in, they do not read it.
 * The unique national identity number stops a second copy even past the imports' lock.
 */
export async function importRecipients(tx: DbOrTx, actor: Actor, people: ImportedRecipient[]): Promise<string[]> {
  if (actor.role !== 'admin') throw forbidden('admin_only', 'Only administrators import people served');
  const ids: string[] = [];
  for (const { teamId, startDate, nextOfKin: kin, ...person } of people) {
    const [row] = await tx.insert(recipients).values(person).returning({ id: recipients.id });
    await tx.insert(recipientTeams).values({ recipientId: row.id, teamId, validFrom: startDate });
    if (kin) await tx.insert(nextOfKin).values({ recipientId: row.id, ...kin, isClosest: true });
    await appendAudit(tx, {
      at: actor.now,
      actorUserId: actor.userId,
      actorName: actor.displayName,
      action: 'record.import',
      recipientId: row.id,
      basis: 'admin',
      emergencyAccessId: null,
      details: { teamId, startDate },
    });
    ids.push(row.id);
  }
  return ids;
}
