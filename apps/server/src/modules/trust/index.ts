/**
 * The trust module's public surface: a team's indicators for an actor who may see the team.
 * Nothing else in Tillit depends on trust; its routes are registered by app.ts.
 */
export { type TeamIndicators, teamIndicators } from './indicators.repository.ts';
