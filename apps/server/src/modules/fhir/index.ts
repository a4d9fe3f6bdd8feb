/**
 * The FHIR module's public surface: the gate's bearer-token look-up (`loadFhirActor`) and scope
 * check (`scopeAllows`); app.ts registers `fhirRoutes`. See docs/FHIR.md.
 */
export { loadFhirActor } from './fhir.clients.ts';
export { scopeAllows } from './fhir.scopes.ts';
