import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { type AppError, forbidden, notFound } from '../../http/errors.ts';
import { canSeeTeam } from './access.policy.ts';
import { appendAudit } from '../audit/index.ts';
import { teams } from '../organisation/organisation.readmodel.ts';

export type TeamRow = typeof teams.$inferSelect;

/**
 * Loads a team for team-level figures (indicators, survey results, the dashboard, notes),
 * applying `canSeeTeam`. A refusal writes a `denied` audit row (no person involved) before
 * the 403, so someone probing other teams' figures shows up in the access log.
 */
export async function teamForActor(db: Db, actor: Actor, teamId: string, action: string): Promise<TeamRow> {
  const [team] = await db.select().from(teams).where(eq(teams.id, teamId));
  if (!team) throw notFound('Team');
  if (!canSeeTeam(actor, team))
    throw await refusal(db, actor, action, forbidden('not_your_team', 'You cannot see this team'), { teamId });
  return team;
}

/** Writes the `denied` audit row for a refused team-level request and returns the error to throw. */
export async function refusal(
  db: Db,
  actor: Actor,
  action: string,
  error: AppError,
  details: Record<string, unknown> = {},
) {
  await db.transaction((tx) =>
    appendAudit(tx, {
      at: new Date(),
      actorUserId: actor.userId,
      actorName: actor.displayName,
      action,
      recipientId: null,
      basis: 'denied',
      emergencyAccessId: null,
      details: { ...details, refused: error.code },
    }),
  );
  return error;
}
