/**
 * Planning is the team's own: only members of the team plan its visits (they see who it
 * serves by name). Everyone else gets 403 — and the refusal is written to the audit log.
 */
import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { canListTeamRecipients } from '../access/index.ts';
import { appendAudit } from '../audit/index.ts';
import { teams } from '../organisation/organisation.readmodel.ts';

/** Call outside any transaction: the refusal's audit row must outlive the rolled-back request. */
export async function assertTeamPlanner(db: Db, actor: Actor, teamId: string, action: string): Promise<void> {
  const [team] = await db.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId));
  if (!team) throw notFound('Team');
  if (canListTeamRecipients(actor, teamId)) return;
  await appendAudit(db, {
    at: new Date(),
    actorUserId: actor.userId,
    actorName: actor.displayName,
    action: `${action}.refused`,
    recipientId: null,
    basis: 'denied',
    emergencyAccessId: null,
    details: { teamId, code: 'not_team_member' },
  });
  throw forbidden('not_team_member', 'Only members of the team plan its visits');
}

/** The audit row of a team-level planning change, in the caller's transaction. */
export const auditTeam = (tx: DbOrTx, actor: Actor, action: string, details: Record<string, unknown>) =>
  appendAudit(tx, {
    at: new Date(),
    actorUserId: actor.userId,
    actorName: actor.displayName,
    action,
    recipientId: null,
    basis: 'team_level',
    emergencyAccessId: null,
    details,
  });
