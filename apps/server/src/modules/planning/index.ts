/** The planning module's public surface: the job queue and the run executor that app.ts wires together. */
export { PlanningQueue } from './planning.queue.ts';
export { executeRun } from './planning.runs.ts';
/** The team's planning data (helpers, rota, absences, visits) and a helper's working time on a day: staffing reads them. */
export { loadPlanningData } from './planning.data.ts';
export { shiftsOn } from './rota.ts';
