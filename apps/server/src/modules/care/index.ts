/**
 * The care module's public surface: the calendar arithmetic of measures (recurrence.ts),
 * making visits from the plan (`generateVisits`), writing a published plan's helpers onto the
 * visits (`assignPlannedHelpers`) and the coming visits for «Hvem kommer?» (`comingVisits`).
 * Its published read model (visits, measures, …) is care.readmodel.ts.
 */
export { datesInRange, isoWeekday, measureFallsOn } from './recurrence.ts';
export { generateVisits, lockVisitMaking } from './visits.generate.ts';
export { assignPlannedHelpers, cancelVisitsAfterService, comingVisits, type PlannedHelpers } from './visits.planned.ts';
// Documentation from other systems (modules/fhir): through the record policy like the app's own.
export { type ExtraVisit, type NewObservation, recordExtraVisit, recordObservation } from './visits.record.ts';
