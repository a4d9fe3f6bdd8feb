import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../db/client.ts';
import * as t from '../../db/schema.ts';
import { createPortalLogin, setConsent } from '../portal/index.ts';
import { DEMO_PASSWORD, type District } from './generator.ts';

/**
 * «Min side» in the demo: the first person served by team Tøyen gets a log-in (`innbygger`)
 * and two next of kin, `parorende` with the person's consent (given in person, recorded by
 * `sykepleier`) and `parorende2` without. Made through the portal's own surface, like a team
 * member making them on the record page.
 */
export async function loadDemoPortal(tx: DbOrTx, d: District) {
  const nurse = d.users.find((u) => u.username === 'sykepleier');
  const served = d.recipientTeams.find((rt) => rt.teamId === d.teams[0].id);
  if (!nurse || !served) return;
  const recipientId = served.recipientId;
  const [withConsent, without] = [randomUUID(), randomUUID()];
  await tx.insert(t.nextOfKin).values([
    { id: withConsent, recipientId, name: 'Randi Pårørende', relation: 'datter', isClosest: true },
    { id: without, recipientId, name: 'Rolf Pårørende', relation: 'sønn' },
  ]);
  const login = (username: string, nextOfKinId: string | null) =>
    createPortalLogin(tx, { recipientId, nextOfKinId, username, password: DEMO_PASSWORD, createdBy: nurse.id });
  await login('innbygger', null);
  await login('parorende', withConsent);
  await login('parorende2', without);
  await setConsent(tx, recipientId, withConsent, true, nurse.id, 'in_person');
}
