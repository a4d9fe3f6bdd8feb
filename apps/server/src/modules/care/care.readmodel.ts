/**
 * The published read model of the care record: visits and what each visit delivers (the
 * measure, its versions), shared decisions and flagged changes in condition. Planning reads
 * visits and their measures to build a plan; the trust indicators count them per team. What
 * matters and goals are published for «Min side» (modules/portal), which shows the person
 * their own plan in their words and puts it in their data export, after its own check of
 * who the citizen is; goals, what matters and observations for the FHIR API (modules/fhir),
 * which reads them only through the record policy (readWithAccess). Only this module writes these tables
 * (planning publishes its assignments through `assignPlannedHelpers`, index.ts).
 * Checked by .dependency-cruiser.cjs and scripts/boundaries-sql.mjs.
 */
export {
  conditionChanges,
  goals,
  observations,
  measures,
  measureVersions,
  sharedDecisions,
  visitMeasures,
  visits,
  whatMatters,
} from './care.tables.ts';
