/** The demo module's public surface: the deterministic district generator and its loader (CLI, tests). */
export { ensureCompetenceCatalogue, isEmpty, loadDistrict } from './demo.loader.ts';
export { DEMO, DEMO_LOGINS, DEMO_PASSWORD, type District, FULL, generateDistrict } from './generator.ts';
