/**
 * The published read model of the functional assessment: the KPR data set (statistics) and the
 * equal-treatment indicator (trust) read the assessment in force per person and period. Only
 * this module writes these tables. Checked by .dependency-cruiser.cjs and scripts/boundaries-sql.mjs.
 */
export { functionalAssessmentScores, functionalAssessments } from './assessment.tables.ts';
