/**
 * Statistics for leaders from the functional assessments and the service decisions, each cell
 * under five people suppressed. Its surface is its routes (registered by app.ts); nothing else
 * depends on it. See docs/ARCHITECTURE.md «Statistics for leaders».
 */
export { leaderStatsRoutes } from './leaderstats.routes.ts';
