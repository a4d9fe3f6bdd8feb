/**
 * The incidents module (avvik): report, review at the board meeting, close with what was learned;
 * leaders' counts per team and theme. Its surface is its routes (registered by app.ts); no other
 * module reads its table. See docs/ARCHITECTURE.md «Incidents (avvik)».
 */
export { incidentRoutes } from './incidents.routes.ts';
