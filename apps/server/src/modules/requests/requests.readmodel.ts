/**
 * The published read model of service requests: the trust indicators count, per receiving team,
 * the days from a request to the decision answering it and on to the first visit. Only this
 * module writes it. Checked by .dependency-cruiser.cjs and scripts/boundaries-sql.mjs.
 */
export { serviceRequests } from './requests.tables.ts';
