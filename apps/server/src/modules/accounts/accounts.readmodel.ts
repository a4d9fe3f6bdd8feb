/**
 * The published read model of accounts: `user_account` (the display name of whoever wrote or
 * decided something, and the link from a user to a staff identity). Sessions are not published.
 * Only this module writes it. Checked by .dependency-cruiser.cjs and scripts/boundaries-sql.mjs.
 */
export { users } from './accounts.tables.ts';
