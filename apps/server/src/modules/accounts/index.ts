/**
 * The accounts module's public surface: sessions for the HTTP layer (`loadActorCached`),
 * creating users (CLI, demo), and password hashing for the demo loader.
 * Its published read model (user names) is accounts.readmodel.ts.
 */
export { createUser, loadActorCached, loadUserActor, type NewUser } from './accounts.service.ts';
// verifyPassword and dummyHash: FHIR client secrets are argon2id hashes checked like passwords.
export { dummyHash, hashPassword, verifyPassword } from './passwords.ts';
export type { LoginLimits } from './login.throttle.ts';
