/**
 * The access module's public surface: the record policy and the ways into a person's data
 * bound to the actor (`withRecordAccess` for changes, `readWithAccess` for reads, `judgeList`
 * for lists naming several people), who may be given a visit, and team-level access.
 * Everything else in this folder is internal. See docs/ARCHITECTURE.md «Module boundaries».
 */
export {
  canFollowUpAudit,
  canListTeamRecipients,
  canManageCompetences,
  canSeeTeam,
  type Decision,
  decideRecordAccess,
  mayBreakGlass,
  type RecordAction,
  type RecordFacts,
} from './access.policy.ts';
export { type Allowed, factColumnsFor, readWithAccess, withRecordAccess } from './access.repository.ts';
export { assertHelpersServe, servesOn } from './helpers.rule.ts';
export { type FactRow, type Judged, judgeList } from './list.access.ts';
export { refusal, type TeamRow, teamForActor } from './team.access.ts';
