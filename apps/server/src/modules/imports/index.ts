/**
 * The imports module's public surface: the CSV import of staff and people served, for the CLI
 * (`tillit import`). It owns no tables: it reads the owners' read models to check a file and
 * writes through their surfaces (organisation `importStaff`, accounts `createImportedAccounts`,
 * recipients `importRecipients`). Routes are registered by app.ts.
 */
export { type ImportOutcome, ImportService } from './imports.service.ts';
