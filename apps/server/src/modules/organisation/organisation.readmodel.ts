/**
 * The organisation's published read model: the tables other modules may read (join in their
 * queries, or import for drizzle selects) — who works where, with which competences, in which
 * team, district and municipality. Nearly every question in Tillit starts from "which team?",
 * so these are read everywhere. Only this module writes them (organisation.repository.ts,
 * the demo loader through the tables file for fixtures).
 * Checked by .dependency-cruiser.cjs (imports) and scripts/boundaries-sql.mjs (SQL).
 */
export {
  competenceTypes,
  districts,
  municipalities,
  staff,
  staffCompetences,
  teamMemberships,
  teams,
} from './organisation.tables.ts';
