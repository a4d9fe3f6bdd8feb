/**
 * The published read model of audit: the log itself, for the FHIR API's AuditEvent
 * (modules/fhir), which lists a person's rows only to those `canFollowUpAudit` allows
 * (administrators), as audit.reader.ts does, and logs the look. Only this module writes it
 * (appendAudit, the AuditWriter). Checked by .dependency-cruiser.cjs and scripts/boundaries-sql.mjs.
 */
export { auditLog } from './audit.tables.ts';
