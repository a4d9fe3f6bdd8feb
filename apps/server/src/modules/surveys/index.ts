/** The surveys module's public surface: a closed quarter's results for a team (the trust dashboard shows them). */
export { quarterResults, settleSurveys } from './surveys.repository.ts';
/** «Min side» (modules/portal): the person makes a one-time link to the quarter's survey for themself. */
export { portalInvite } from './surveys.repository.ts';
/** Past answers filed through the ballot boxes (the demo district's year of history), and when a quarter is closed. */
export { filePastAnswers, type PastPulseAnswer, type PastSurveyAnswer } from './surveys.past.ts';
export { isClosed, shiftQuarter } from './quarters.ts';
