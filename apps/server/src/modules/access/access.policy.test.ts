import { describe, expect, it } from 'vitest';
import type { Actor } from '../../http/actor.ts';
import { canSeeTeam, decideRecordAccess, mayBreakGlass, type RecordFacts } from './access.policy.ts';

const base: Actor = {
  userId: 'u',
  username: 'u',
  displayName: 'U',
  role: 'member',
  staffId: 's',
  districtId: 'd1',
  teamIds: ['t1'],
  now: new Date('2026-12-02T10:00:00Z'),
  today: '2026-12-02',
};
const served: RecordFacts = { servingTeamIds: ['t1'], emergency: null };
const elsewhere: RecordFacts = { servingTeamIds: ['t2'], emergency: null };
const withGlass: RecordFacts = {
  servingTeamIds: ['t2'],
  emergency: { id: 'e', reason: 'fall', expiresAt: new Date(Date.now() + 60_000) },
};

describe('decideRecordAccess', () => {
  it.each(['read', 'write'] as const)('lets a member of the serving team %s', (action) => {
    expect(decideRecordAccess(base, served, action)).toEqual({ allow: true, basis: 'care_relation' });
  });

  it('refuses a member of another team but offers break-the-glass', () => {
    expect(decideRecordAccess(base, elsewhere, 'read')).toEqual({
      allow: false,
      code: 'no_care_relation',
      canBreakGlass: true,
    });
  });

  it('allows on emergency access with the reason carried along', () => {
    expect(decideRecordAccess(base, withGlass, 'write')).toMatchObject({
      allow: true,
      basis: 'emergency',
      reason: 'fall',
    });
  });

  it('keeps leaders at team level even for their own team', () => {
    const leader = { ...base, role: 'leader' as const };
    expect(decideRecordAccess(leader, served, 'read')).toMatchObject({ allow: false, code: 'leader_team_level_only' });
  });

  it('never opens records to administrators, not even with an emergency row', () => {
    const admin = { ...base, role: 'admin' as const, staffId: null, teamIds: [] };
    expect(decideRecordAccess(admin, withGlass, 'read')).toMatchObject({
      allow: false,
      code: 'admin_no_record_access',
    });
  });

  it('never lets a leader break the glass, even with a staff identity and an emergency row', () => {
    const leader = { ...base, role: 'leader' as const, teamIds: [] };
    expect(decideRecordAccess(leader, elsewhere, 'read')).toEqual({
      allow: false,
      code: 'leader_team_level_only',
      canBreakGlass: false,
    });
    expect(decideRecordAccess(leader, withGlass, 'read')).toMatchObject({ allow: false, canBreakGlass: false });
    expect(mayBreakGlass(leader)).toBe(false);
    expect(mayBreakGlass({ ...base, role: 'admin' })).toBe(false);
    expect(mayBreakGlass(base)).toBe(true);
  });

  it('lets only the serving team serve: emergency access opens the record, not the team', () => {
    expect(decideRecordAccess(base, served, 'serve')).toEqual({ allow: true, basis: 'care_relation' });
    expect(decideRecordAccess(base, withGlass, 'serve')).toEqual({
      allow: false,
      code: 'serving_team_only',
      canBreakGlass: false,
    });
  });

  it('refuses a user without staff identity the emergency route', () => {
    const noStaff = { ...base, staffId: null };
    expect(decideRecordAccess(noStaff, elsewhere, 'read')).toMatchObject({ allow: false, canBreakGlass: false });
  });
});

describe('canSeeTeam', () => {
  it('matches membership, district leadership and administration', () => {
    const team = { id: 't1', districtId: 'd1' };
    expect(canSeeTeam(base, team)).toBe(true);
    expect(canSeeTeam({ ...base, teamIds: ['t2'] }, team)).toBe(false);
    expect(canSeeTeam({ ...base, role: 'leader', teamIds: [] }, team)).toBe(true);
    expect(canSeeTeam({ ...base, role: 'leader', districtId: 'd2' }, team)).toBe(false);
    expect(canSeeTeam({ ...base, role: 'admin' }, team)).toBe(true);
  });
});
