/**
 * The medicines module's public surface (legemiddelhåndtering). `dosesNotGiven` lists a team's
 * refused, not given and missed doses for the board and the handover; the caller checks the
 * actor's access to the team first. Routes are registered by app.ts.
 */
export { type DoseNotGiven, dosesNotGiven } from './medicines.board.ts';
export { DEFAULT_HIGH_RISK, DELEGATION } from './medicines.rules.ts';
