import { describe, expect, it } from 'vitest';
import { generateDistrict } from './generator.ts';
import { buildTeam, DAY_SHIFT, EVENING_SHIFT, shareByDemand, staffTeam, teamLoad } from './rota.ts';

describe('shareByDemand', () => {
  it('shares the head count in proportion to demand, at least 3 per team, and sums to the total', () => {
    expect(shareByDemand(30, [100, 100, 100])).toEqual([10, 10, 10]);
    const heads = shareByDemand(37, [3000, 1000, 2000]);
    expect(heads.reduce((a, b) => a + b, 0)).toBe(37);
    expect(heads[0]).toBeGreaterThan(heads[2]);
    expect(heads[2]).toBeGreaterThan(heads[1]);
    expect(shareByDemand(10, [1000, 0, 0])).toEqual([4, 3, 3]);
    // too few staff for 3 per team: an even split
    expect(shareByDemand(5, [10, 20])).toEqual([3, 2]);
  });
});

describe('staffTeam', () => {
  const problem = generateDistrict({ people: 40, days: 14, seed: 5 });
  const demand = problem.visits.filter((v) => !(v.skills ?? []).includes('therapy'));

  it('chooses the split that carries the most: no worse than the old fixed splits', () => {
    const team = staffTeam(0, 12, 14, 'base', demand);
    const fixed = buildTeam(0, 12, 14, 'base', { nWeekend: 2, weekendEvePairs: 0, nEve: 3, nTwoPart: 1 });
    const thirdOnEvenings = buildTeam(0, 12, 14, 'base', { nWeekend: 2, weekendEvePairs: 1, nEve: 4, nTwoPart: 1 });
    expect(team).toHaveLength(12);
    expect(teamLoad(team, demand, 14)).toBeLessThanOrEqual(teamLoad(fixed, demand, 14));
    expect(teamLoad(team, demand, 14)).toBeLessThan(teamLoad(thirdOnEvenings, demand, 14));
  });
});

describe('buildTeam', () => {
  it('gives day or evening shifts only, evening lines evenings only, weekend-only staff weekends only', () => {
    const team = buildTeam(1, 12, 14, 'base', { nWeekend: 2, weekendEvePairs: 1, nEve: 3, nTwoPart: 1 });
    for (const mb of team) {
      for (const sh of mb.staff.shifts) expect([DAY_SHIFT.start, EVENING_SHIFT.start]).toContain(sh.start);
      if (mb.line === 'weekend')
        expect(mb.staff.shifts.every((sh) => sh.day % 7 >= 5 && sh.start === EVENING_SHIFT.start)).toBe(true);
      if (mb.line === 'evening') expect(mb.staff.shifts.every((sh) => sh.start === EVENING_SHIFT.start)).toBe(true);
    }
    // pair partners cover each other: on most weekdays at least one of a day pair works
    const [a, b] = team.filter((mb) => mb.line === 'day');
    expect(a.partner).toBe(b);
    const days = new Set([...a.staff.shifts, ...b.staff.shifts].map((sh) => sh.day));
    expect([0, 1, 2, 3, 4, 7, 8, 9, 10, 11].filter((d) => days.has(d)).length).toBeGreaterThanOrEqual(9);
  });

  it('fills a horizon shorter than a week: every line member works each of its weekdays', () => {
    const team = buildTeam(0, 10, 3, 'base', { period: 2, nWeekend: 1, weekendEvePairs: 0, nEve: 3, nTwoPart: 1 });
    for (const mb of team) {
      if (mb.line === 'weekend') expect(mb.staff.shifts).toEqual([]);
      else expect(mb.staff.shifts.map((sh) => sh.day)).toEqual([0, 1, 2]);
    }
  });

  it('levels the staffing: weekday counts on duty per shift differ by at most one, and the weekends get alike', () => {
    const team = buildTeam(0, 13, 14, 'base', { period: 2, nWeekend: 2, weekendEvePairs: 0, nEve: 4, nTwoPart: 1 });
    const onDuty = (day: number, start: number) =>
      team.filter((mb) => mb.staff.shifts.some((sh) => sh.day === day && sh.start === start)).length;
    for (const week of [0, 1]) {
      for (const start of [DAY_SHIFT.start, EVENING_SHIFT.start]) {
        const counts = [0, 1, 2, 3, 4].map((dow) => onDuty(week * 7 + dow, start));
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      }
    }
    expect(Math.abs(onDuty(5, DAY_SHIFT.start) - onDuty(12, DAY_SHIFT.start))).toBeLessThanOrEqual(1);
    expect(onDuty(5, DAY_SHIFT.start)).toBeGreaterThanOrEqual(3);
  });
});
