/**
 * The audit module's public surface: append a row in the caller's transaction (`appendAudit`),
 * the group-commit writer for reads (`auditWriterFor`), and verification of the chains.
 * See docs/ARCHITECTURE.md «The audit log» and «Module boundaries».
 */
export type { AuditEntry } from './audit.chain.ts';
export { type AuditVerifyResult, appendAudit, verifyAuditLog } from './audit.repository.ts';
export { AuditWriter, auditWriterFor } from './audit.writer.ts';
