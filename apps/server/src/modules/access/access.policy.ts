import type { Actor } from '../../http/actor.ts';

/** What the data layer knows about the actor's relation to one person's record. */
export interface RecordFacts {
  /** Teams serving the person today. */
  servingTeamIds: string[];
  /** An unexpired emergency access of this actor to this person, if any. */
  emergency: { id: string; reason: string; expiresAt: Date } | null;
}

/**
 * `read` and `write` open the record's content; `serve` is an act of the serving team itself
 * (giving a helper a visit, deciding or co-signing a service, making links for the person),
 * which emergency access never covers: it opens the record, it does not make one part of the team.
 */
export type RecordAction = 'read' | 'write' | 'serve';

export type Decision =
  | { allow: true; basis: 'care_relation' }
  | { allow: true; basis: 'emergency'; emergencyAccessId: string; reason: string; expiresAt: Date }
  | {
      allow: false;
      code: 'no_care_relation' | 'serving_team_only' | 'leader_team_level_only' | 'admin_no_record_access';
      canBreakGlass: boolean;
    };

/**
 * Emergency access ("break the glass") is for clinical staff in a situation of need: a member
 * with a staff identity. Leaders work with team-level figures and administrators run the
 * system; neither ever needs a record in an emergency, so neither may open one.
 */
export const mayBreakGlass = (actor: Actor) => actor.role === 'member' && actor.staffId !== null;

/**
 * The record policy (helsepersonelloven § 21a: read only with a need in the care). Access
 * follows the care relation, not the profession: a member of a team serving the person may
 * read, write and serve; clinical staff outside it may break the glass with a written reason
 * to read and write (never to serve); leaders see team-level data only; administrators run
 * the system and follow up the log but do not read records.
 */
export function decideRecordAccess(actor: Actor, facts: RecordFacts, action: RecordAction): Decision {
  const inServingTeam = facts.servingTeamIds.some((t) => actor.teamIds.includes(t));
  if (actor.role === 'member' && inServingTeam) return { allow: true, basis: 'care_relation' };
  if (actor.role === 'admin') return { allow: false, code: 'admin_no_record_access', canBreakGlass: false };
  if (actor.role === 'leader') return { allow: false, code: 'leader_team_level_only', canBreakGlass: false };
  if (action === 'serve') return { allow: false, code: 'serving_team_only', canBreakGlass: false };
  const canBreakGlass = mayBreakGlass(actor);
  if (canBreakGlass && facts.emergency) {
    return {
      allow: true,
      basis: 'emergency',
      emergencyAccessId: facts.emergency.id,
      reason: facts.emergency.reason,
      expiresAt: facts.emergency.expiresAt,
    };
  }
  return { allow: false, code: 'no_care_relation', canBreakGlass };
}

/** Who may see the whole audit log and follow up emergency accesses. */
export const canFollowUpAudit = (actor: Actor) => actor.role === 'admin';

/** Team-level data (members, counts) is open to the team's members, leaders in its district and admins. */
export function canSeeTeam(actor: Actor, team: { id: string; districtId: string }): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role === 'leader') return actor.districtId === team.districtId;
  return actor.teamIds.includes(team.id);
}

/** Only members of the team see who it serves by name. */
export const canListTeamRecipients = (actor: Actor, teamId: string) =>
  actor.role === 'member' && actor.teamIds.includes(teamId);

/** Competences are registered by leaders (for their district) and administrators. */
export const canManageCompetences = (actor: Actor, staffDistrictId: string) =>
  actor.role === 'admin' || (actor.role === 'leader' && actor.districtId === staffDistrictId);
