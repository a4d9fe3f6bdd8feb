import { describe, expect, it } from 'vitest';
import { expectedDistrict, expectedNord, expectedSor, expectedVest } from './leaderstats.expected.ts';
import { leaderStatistics, type PersonFigures, suppress, type Unit } from './leaderstats.ts';

const units: Unit[] = [
  { level: 'district', id: 'd', name: 'Bydel', parentId: null },
  { level: 'team', id: 'nord', name: 'Nord', parentId: 'd' },
  { level: 'team', id: 'sor', name: 'Sør', parentId: 'd' },
  { level: 'team', id: 'vest', name: 'Vest', parentId: 'd' },
];
const p = (teamId: string, needItems: number | null, hours: PersonFigures['hours']): PersonFigures => ({
  teamId,
  needItems,
  hours,
  newAssessments: needItems === null ? 0 : 1,
});
// The same district as test/assessed.ts, as plain rows.
const people = [
  ...[3, 3, 3, 4, 7].map((h) => p('nord', 5, { hjemmesykepleie: h })),
  p('nord', null, { praktisk_bistand: 2 }),
  p('nord', null, { praktisk_bistand: 2 }),
  ...Array.from({ length: 6 }, () => p('vest', 0, { hjemmesykepleie: 2 })),
  ...Array.from({ length: 4 }, () => p('sor', 17, { hjemmesykepleie: 10 })),
];

describe('statistics for leaders', () => {
  it('counts per team and district and hides every cell under five, and what would reveal one', () => {
    const groups = new Map(leaderStatistics(units, people).map((g) => [g.id, g]));
    expect(groups.get('d')).toMatchObject(expectedDistrict);
    expect(groups.get('nord')).toMatchObject(expectedNord);
    expect(groups.get('vest')).toMatchObject(expectedVest);
    expect(groups.get('sor')).toMatchObject(expectedSor);
  });

  it('never leaves one hidden cell alone in a sum that is shown', () => {
    const cell = (people: number) => ({ value: people, people, hidden: people < 5 });
    const total = cell(30);
    const parts = [cell(3), cell(12), cell(15)];
    suppress([{ total, parts }]);
    expect(parts.map((c) => c.hidden)).toEqual([true, true, false]);
    // A district of one team: the district is the team, so both are hidden.
    const only = { total: cell(4 + 5), parts: [cell(4)] };
    only.total.people = 9;
    only.total.hidden = false;
    suppress([only]);
    expect(only.total.hidden).toBe(true);
  });

  it('shows a municipality above its districts for administrators', () => {
    const withTop: Unit[] = [
      { level: 'municipality', id: 'm', name: 'Oslo', parentId: null },
      ...units.map((u) => (u.level === 'district' ? { ...u, parentId: 'm' } : u)),
    ];
    const top = leaderStatistics(withTop, people).find((g) => g.id === 'm');
    expect(top).toMatchObject({ level: 'municipality', people: 17, newAssessments: 15 });
  });
});
