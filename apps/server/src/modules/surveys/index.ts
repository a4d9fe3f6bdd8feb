/** The surveys module's public surface: a closed quarter's results for a team (the trust dashboard shows them). */
export { quarterResults, settleSurveys } from './surveys.repository.ts';
