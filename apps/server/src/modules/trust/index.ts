/**
 * The trust module's public surface: a team's indicators (bench:indicators and tests use them).
 * Nothing else in Tillit depends on trust; its routes are registered by app.ts.
 */
export { indicatorsFor, indicatorsForTeams, type TeamIndicators, teamIndicators } from './indicators.repository.ts';
