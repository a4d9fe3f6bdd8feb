/**
 * The organisation module's public surface. Other modules read the organisation through its
 * published read model (organisation.readmodel.ts: teams, staff, memberships, competences);
 * nothing else of it is used outside. Routes are registered by app.ts.
 */
export { OrganisationRepository } from './organisation.repository.ts';
export { type ImportedStaff, importStaff } from './organisation.import.ts';
