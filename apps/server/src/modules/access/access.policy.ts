import type { Actor } from '../../http/actor.ts';

/** What the data layer knows about the actor's relation to one person's record. */
export interface RecordFacts {
  /** Teams serving the person today. */
  servingTeamIds: string[];
  /** An unexpired emergency access of this actor to this person, if any. */
  emergency: { id: string; reason: string; expiresAt: Date } | null;
}

export type RecordAction = 'read' | 'write';

export type Decision =
  | { allow: true; basis: 'care_relation' }
  | { allow: true; basis: 'emergency'; emergencyAccessId: string; reason: string; expiresAt: Date }
  | {
      allow: false;
      code: 'no_care_relation' | 'leader_team_level_only' | 'admin_no_record_access';
      canBreakGlass: boolean;
    };

/**
 * The record policy (helsepersonelloven § 21a: read only with a need in the care). Access
 * follows the care relation, not the profession: a member of a team serving the person may
 * read and write; anyone with a staff identity may break the glass with a written reason;
 * leaders see team-level data only; administrators run the system and follow up the log
 * but do not read records.
 */
export function decideRecordAccess(actor: Actor, facts: RecordFacts, _action: RecordAction): Decision {
  const inServingTeam = facts.servingTeamIds.some((t) => actor.teamIds.includes(t));
  if (actor.role === 'member' && inServingTeam) return { allow: true, basis: 'care_relation' };
  const canBreakGlass = actor.staffId !== null && actor.role !== 'admin';
  if (canBreakGlass && facts.emergency) {
    return {
      allow: true,
      basis: 'emergency',
      emergencyAccessId: facts.emergency.id,
      reason: facts.emergency.reason,
      expiresAt: facts.emergency.expiresAt,
    };
  }
  if (actor.role === 'admin') return { allow: false, code: 'admin_no_record_access', canBreakGlass: false };
  if (actor.role === 'leader') return { allow: false, code: 'leader_team_level_only', canBreakGlass };
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
