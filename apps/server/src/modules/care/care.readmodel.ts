/**
 * The published read model of the care record: visits and what each visit delivers (the
 * measure, its versions), shared decisions and flagged changes in condition. Planning reads
 * visits and their measures to build a plan; the trust indicators count them per team. Goals
 * (with what matters) and observations are published for the FHIR API (modules/fhir), which
 * reads them only through the record policy (readWithAccess) as Goal and Observation. Only this module writes these tables
 * (planning publishes its assignments through `assignPlannedHelpers`, index.ts).
 * Checked by .dependency-cruiser.cjs and scripts/boundaries-sql.mjs.
 */
export {
  conditionChanges,
  goals,
  observations,
  whatMatters,
  measures,
  measureVersions,
  sharedDecisions,
  visitMeasures,
  visits,
} from './care.tables.ts';
