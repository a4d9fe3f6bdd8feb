/**
 * The accounts module's public surface: sessions for the HTTP layer (`loadActorCached`),
 * creating users (CLI, demo), password hashing for the demo loader, and linking a user to their
 * identity at an OpenID provider (`linkExternalIdentity`: the portal calls it, in its own
 * transaction, when a person's log-in through ID-porten is made).
 * Its published read model (user names) is accounts.readmodel.ts.
 */
export { createUser, loadActorCached, loadUserActor, type NewUser } from './accounts.service.ts';
export { adminActor, createImportedAccounts, type ImportedAccount } from './accounts.import.ts';
// verifyPassword and dummyHash: FHIR client secrets are argon2id hashes checked like passwords.
export { dummyHash, hashPassword, verifyPassword } from './passwords.ts';
export type { LoginLimits } from './login.throttle.ts';
export { linkExternalIdentity } from './identities.ts';
export type { OidcProviderSettings, OidcSettings } from './oidc.ts';
