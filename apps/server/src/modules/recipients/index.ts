/**
 * The recipients module's public surface: the record repository bound to the actor, the
 * shapes of its input, and the next-of-kin facts «Hvem kommer?» needs (`nextOfKinSharing`,
 * `sharingStillHolds`). Its published read model (person, care relation) is
 * recipients.readmodel.ts.
 */
export { RecordRepository } from './recipients.repository.ts';
export { emergencyBody, recipientParams } from './recipients.schema.ts';
export { nextOfKinSharing, sharingStillHolds } from './recipients.sharing.ts';
export { type FoundPerson, findPeople } from './recipients.lookup.ts';
