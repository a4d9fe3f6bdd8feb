/** The planning module's public surface: the job queue and the run executor that app.ts wires together. */
export { PlanningQueue } from './planning.queue.ts';
export { executeRun } from './planning.runs.ts';
