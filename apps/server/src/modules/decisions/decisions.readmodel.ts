/**
 * The published read model of service decisions (vedtak): the care board shows who decided,
 * the trust indicators count decisions per team. The team's delegated frame is not published.
 * Only this module writes it. Checked by .dependency-cruiser.cjs and scripts/boundaries-sql.mjs.
 */
export { serviceDecisions } from './decisions.tables.ts';
