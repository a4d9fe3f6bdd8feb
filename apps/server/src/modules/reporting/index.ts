/**
 * The reporting register («meningssamlingen»): its routes are registered by app.ts; no other module
 * needs it yet (the statistics of #22 will read the hours saved through a function added here).
 */
export { ReportingRepository } from './reporting.repository.ts';
