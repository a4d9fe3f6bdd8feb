/**
 * The public surface of the functional assessment (IPLOS) module: its routes (app.ts), the
 * assessment in force per person as a subquery and the level band (the leaders' statistics and
 * the equal-treatment indicator count people per band). See docs/ARCHITECTURE.md «Functional assessment».
 */
export { type Band, levelBand } from './assessment.level.ts';
export { assessmentsInForce, assessmentsMade } from './assessment.repository.ts';
export { assessmentRoutes } from './assessment.routes.ts';
