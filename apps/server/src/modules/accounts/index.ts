/**
 * The accounts module's public surface: sessions for the HTTP layer (`loadActorCached`),
 * creating users (CLI, demo), and password hashing for the demo loader.
 * Its published read model (user names) is accounts.readmodel.ts.
 */
export { createUser, loadActorCached, type NewUser } from './accounts.service.ts';
export { adminActor, createImportedAccounts, type ImportedAccount } from './accounts.import.ts';
export { hashPassword } from './passwords.ts';
export type { LoginLimits } from './login.throttle.ts';
