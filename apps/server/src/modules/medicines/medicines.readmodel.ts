/**
 * The published read model of medicines: the medication list and the doses given. The FHIR API
 * (modules/fhir) reads them as MedicationStatement and MedicationAdministration, only through the
 * record policy (readWithAccess). Only this module writes them.
 * Checked by .dependency-cruiser.cjs and scripts/boundaries-sql.mjs.
 */
export { doseAdministrations, medications } from './medicines.tables.ts';
