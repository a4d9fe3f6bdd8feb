/**
 * The published read model of the people served: the person row and the care relation
 * (`recipient_team`, which team serves whom, from when until when). Other modules join them to
 * decide access (the policy facts) and to show a person's name beside their own data; such a
 * read returns personal data only through the record policy (access/list.access.ts, the
 * team-level checks). Next of kin are not published: ask `nextOfKinSharing` (index.ts).
 * Only this module writes these tables. Checked by .dependency-cruiser.cjs and
 * scripts/boundaries-sql.mjs.
 */
export { recipients, recipientTeams } from './recipients.tables.ts';
