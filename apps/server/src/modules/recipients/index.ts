/**
 * The recipients module's public surface: the record repository bound to the actor and the
 * next-of-kin facts «Hvem kommer?» needs (`nextOfKinSharing`, `sharingStillHolds`). Its
 * published read model (person, care relation) is recipients.readmodel.ts; its endpoints'
 * input and output are in packages/contracts (recipients.ts, record.ts).
 */
export { RecordRepository } from './recipients.repository.ts';
export { type KinRow, nextOfKinOf, nextOfKinSharing, sharingStillHolds } from './recipients.sharing.ts';
export { type FoundPerson, findPeople } from './recipients.lookup.ts';
export { type ImportedRecipient, importRecipients } from './recipients.import.ts';
