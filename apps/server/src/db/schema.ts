/** Every table, gathered for drizzle. Each table lives in its domain module. */
export * from '../modules/organisation/organisation.tables.ts';
export * from '../modules/recipients/recipients.tables.ts';
export * from '../modules/accounts/accounts.tables.ts';
export * from '../modules/access/access.tables.ts';
export * from '../modules/audit/audit.tables.ts';
export * from '../modules/care/care.tables.ts';
export * from '../modules/decisions/decisions.tables.ts';
export * from '../modules/surveys/surveys.tables.ts';
export * from '../modules/surveys/pulse.tables.ts';
export * from '../modules/planning/planning.tables.ts';
export * from '../modules/trust/dialogue.tables.ts';
export * from '../modules/reporting/reporting.tables.ts';
export * from '../modules/incidents/incidents.tables.ts';
export * from '../modules/handover/handover.tables.ts';
export * from '../modules/medicines/medicines.tables.ts';
export * from '../modules/fhir/fhir.tables.ts';
