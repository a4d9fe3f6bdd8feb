import { describe, expect, it } from 'vitest';
import {
  minutesByPart,
  partOf,
  smallestChange,
  type StaffingVisit,
  staffingWeek,
  weekdayOf,
} from './staffing.rules.ts';

// A hand-made week: Monday 2026-12-07 … Sunday 2026-12-13.
const WEEK = ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12', '2026-12-13'];
const SATURDAY = '2026-12-12';
const always = { validFrom: '2020-01-01', validUntil: null };
const visit = (
  date: string,
  windowStart: number,
  duration: number,
  competences: string[] = [],
  more = {},
): StaffingVisit => ({
  date,
  windowStart,
  duration,
  competences,
  twoHelpers: false,
  unstaffed: false,
  ...more,
});

describe('parts of the day', () => {
  it('splits a shift over morning, day, evening and night', () => {
    expect(partOf(8 * 60)).toBe('morning');
    expect(partOf(12 * 60)).toBe('day');
    expect(partOf(16 * 60)).toBe('evening');
    expect(partOf(23 * 60 + 30)).toBe('night');
    expect(partOf(3 * 60)).toBe('night');
    expect(minutesByPart(7 * 60, 15 * 60)).toEqual({ morning: 240, day: 240, evening: 0, night: 0 });
    expect(minutesByPart(14 * 60, 24 * 60)).toEqual({ morning: 0, day: 60, evening: 480, night: 60 });
    expect(weekdayOf(SATURDAY)).toBe(6);
  });
});

describe('the staffing of a hand-made team', () => {
  // Two day nurses Monday–Friday (one with a medication delegation), one evening helper on Saturday without it.
  const nurse = (competences: string[], days: number[], start: number, end: number) => ({
    competences: competences.map((code) => ({ code, ...always })),
    shiftsOn: (date: string) => (days.includes(weekdayOf(date)) ? [{ start, end }] : []),
  });
  const staff = [
    nurse(['legemiddelhandtering'], [1, 2, 3, 4, 5], 7 * 60, 15 * 60),
    nurse([], [1, 2, 3, 4, 5], 7 * 60, 15 * 60),
    nurse([], [6], 15 * 60, 22 * 60),
  ];
  const visits = [
    visit('2026-12-07', 8 * 60, 30, ['legemiddelhandtering']),
    visit('2026-12-07', 12 * 60, 60, [], { twoHelpers: true }),
    visit(SATURDAY, 17 * 60, 20, ['legemiddelhandtering']),
    visit(SATURDAY, 18 * 60, 40),
  ];
  const week = staffingWeek(WEEK, staff, visits);
  const cell = (weekday: number, part: string) => week.cells.find((c) => c.weekday === weekday && c.part === part)!;

  it('needs and staffs the hours written here, by weekday and part of the day', () => {
    expect(cell(1, 'morning')).toMatchObject({ neededMinutes: 30, staffedMinutes: 480 });
    expect(cell(1, 'day')).toMatchObject({ neededMinutes: 120, staffedMinutes: 480 });
    expect(cell(6, 'evening')).toMatchObject({ neededMinutes: 60, staffedMinutes: 420 });
    expect(cell(7, 'morning')).toMatchObject({ neededMinutes: 0, staffedMinutes: 0 });
    expect(week.cells).toHaveLength(28);
  });

  it('finds Saturday evening with nobody holding a medication delegation, and only that', () => {
    expect(week.gaps).toEqual([
      { weekday: 6, part: 'evening', competence: 'legemiddelhandtering', neededMinutes: 20, staffedMinutes: 0 },
    ]);
    expect(week.competenceCells.find((c) => c.weekday === 1)).toMatchObject({ staffedMinutes: 240 });
  });

  it('counts a competence only on the days it is valid', () => {
    const lapsed = [
      {
        ...staff[0],
        competences: [{ code: 'legemiddelhandtering', validFrom: '2020-01-01', validUntil: '2026-12-06' }],
      },
    ];
    expect(staffingWeek(WEEK, lapsed, visits.slice(0, 1)).gaps).toHaveLength(1);
  });
});

describe('the smallest staffing change', () => {
  it('covers 38 of 40 hand-made unstaffed visits with one Saturday evening shift holding a delegation and one Sunday morning shift', () => {
    const unstaffed = [
      // 30 short Saturday-evening medication visits of 10 minutes (300 min, fits one 336-minute shift) …
      ...Array.from({ length: 30 }, () => visit(SATURDAY, 16 * 60, 10, ['legemiddelhandtering'], { unstaffed: true })),
      // … 8 Sunday-morning visits needing nothing special …
      ...Array.from({ length: 8 }, () => visit('2026-12-13', 8 * 60, 30, [], { unstaffed: true })),
      // … and two that ask for two competences at once: no single added helper is suggested for them.
      ...Array.from({ length: 2 }, () => visit('2026-12-09', 9 * 60, 30, ['sarstell', 'insulin'], { unstaffed: true })),
    ];
    const change = smallestChange(unstaffed);
    expect(change.of).toBe(40);
    expect(change.suggestions).toEqual([
      { weekday: 6, part: 'evening', competence: 'legemiddelhandtering', covers: 30 },
      { weekday: 7, part: 'morning', competence: null, covers: 8 },
    ]);
  });

  it('adds a second shift where one has no room for all', () => {
    const many = Array.from({ length: 20 }, () => visit(SATURDAY, 16 * 60, 30, [], { unstaffed: true }));
    const change = smallestChange(many);
    // 336 minutes of visits per shift: 11 visits of 30, then the other 9.
    expect(change.suggestions.map((s) => s.covers)).toEqual([11, 9]);
  });
});
