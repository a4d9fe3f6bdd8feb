import { describe, expect, it } from 'vitest';
import {
  cycleWeek,
  entriesOverlap,
  entryFallsOn,
  findOverlap,
  fitsWindow,
  shiftsFrom,
  shiftsOn,
  weekIndex,
  type RotaPattern,
} from './rota.ts';

const base: RotaPattern = {
  staffId: 's1',
  kind: 'day',
  weekdays: [1, 2, 3, 4, 5],
  everyWeeks: 1,
  weekOffset: 0,
  startMinute: 450,
  endMinute: 900,
  validFrom: '2026-01-01',
  validUntil: null,
};

describe('rota', () => {
  it('counts weeks from Monday 1970-01-05 and runs on across new year', () => {
    expect(weekIndex('1970-01-05')).toBe(0);
    expect(weekIndex('1970-01-11')).toBe(0);
    expect(weekIndex('1970-01-12')).toBe(1);
    // 2026-12-28 (Monday) and 2027-01-04 (Monday) are consecutive weeks.
    expect(weekIndex('2027-01-04') - weekIndex('2026-12-28')).toBe(1);
    expect(cycleWeek('2027-01-04', 3)).toBe((cycleWeek('2026-12-28', 3) + 1) % 3);
  });

  it('puts a weekday shift on weekdays only, inside its validity', () => {
    expect(entryFallsOn(base, '2026-11-30')).toBe(true); // Monday
    expect(entryFallsOn(base, '2026-11-29')).toBe(false); // Sunday
    expect(entryFallsOn({ ...base, validUntil: '2026-11-27' }, '2026-11-30')).toBe(false);
    expect(entryFallsOn({ ...base, validFrom: '2026-12-01' }, '2026-11-30')).toBe(false);
  });

  it('puts an every-third-weekend shift on one weekend in three', () => {
    const weekend: RotaPattern = { ...base, weekdays: [6, 7], everyWeeks: 3, weekOffset: cycleWeek('2026-11-28', 3) };
    expect(entryFallsOn(weekend, '2026-11-28')).toBe(true);
    expect(entryFallsOn(weekend, '2026-11-29')).toBe(true);
    expect(entryFallsOn(weekend, '2026-12-05')).toBe(false);
    expect(entryFallsOn(weekend, '2026-12-12')).toBe(false);
    expect(entryFallsOn(weekend, '2026-12-19')).toBe(true);
  });

  it('finds overlaps only where two entries can meet on a date with overlapping hours', () => {
    const evening: RotaPattern = { ...base, kind: 'evening', startMinute: 900, endMinute: 1320 };
    expect(entriesOverlap(base, evening)).toBe(false); // back to back is fine
    expect(entriesOverlap(base, { ...evening, startMinute: 840 })).toBe(true);
    expect(entriesOverlap(base, { ...base, weekdays: [6, 7] })).toBe(false);
    expect(entriesOverlap(base, { ...base, staffId: 's2' })).toBe(false);
    // Week A and week B of a two-week cycle never meet; week 0 of 2 and week 1 of 4 never either.
    expect(entriesOverlap({ ...base, everyWeeks: 2, weekOffset: 0 }, { ...base, everyWeeks: 2, weekOffset: 1 })).toBe(
      false,
    );
    expect(entriesOverlap({ ...base, everyWeeks: 2, weekOffset: 0 }, { ...base, everyWeeks: 4, weekOffset: 1 })).toBe(
      false,
    );
    expect(entriesOverlap({ ...base, everyWeeks: 2, weekOffset: 1 }, { ...base, everyWeeks: 4, weekOffset: 3 })).toBe(
      true,
    );
    expect(entriesOverlap({ ...base, everyWeeks: 2, weekOffset: 1 }, { ...base, everyWeeks: 3, weekOffset: 0 })).toBe(
      true,
    );
    // Validity periods that do not meet.
    expect(entriesOverlap({ ...base, validUntil: '2026-06-30' }, { ...base, validFrom: '2026-07-01' })).toBe(false);
    expect(findOverlap([base, evening, { ...base, id: 'x', startMinute: 600, endMinute: 700 }])?.[1].id).toBe('x');
  });

  it('keeps a split shift in two parts, so the break is not working time', () => {
    // 07:00–11:00 and 15:00–20:00 on Monday: two parts, not one span from 07:00 to 20:00.
    const morning: RotaPattern = { ...base, startMinute: 420, endMinute: 660 };
    const evening: RotaPattern = { ...base, kind: 'evening', startMinute: 900, endMinute: 1200 };
    const parts = shiftsOn([morning, evening], [], '2026-11-30');
    expect(parts).toEqual([
      { start: 420, end: 660 },
      { start: 900, end: 1200 },
    ]);
    // A visit at 12:00–12:30 falls in the break; 10:00 and 16:00 fit.
    expect(fitsWindow(parts, 720, 750, 30)).toBe(false);
    expect(fitsWindow(parts, 600, 630, 30)).toBe(true);
    expect(fitsWindow(parts, 960, 990, 30)).toBe(true);
    // Shifts that touch are one: day 07:30–15:00 and evening 15:00–22:00.
    expect(shiftsOn([base, { ...base, kind: 'evening', startMinute: 900, endMinute: 1320 }], [], '2026-11-30')).toEqual(
      [{ start: 450, end: 1320 }],
    );
    expect(shiftsOn([base], [{ fromDate: '2026-11-30', toDate: '2026-11-30' }], '2026-11-30')).toEqual([]);
    expect(shiftsOn([base], [{ fromDate: '2026-11-23', toDate: '2026-11-29' }], '2026-11-30')).toEqual([
      { start: 450, end: 900 },
    ]);
    // Today from 12:00: the morning part is gone, the evening part is left.
    expect(shiftsFrom(parts, 720)).toEqual([{ start: 900, end: 1200 }]);
    expect(shiftsFrom(parts, 480)).toEqual([
      { start: 480, end: 660 },
      { start: 900, end: 1200 },
    ]);
  });

  it('runs a night shift across midnight into the next morning, and it belongs to the day it starts', () => {
    // Night 22:00–07:00 Monday to Friday: Friday night ends Saturday 07:00; nothing on Monday morning.
    const night: RotaPattern = { ...base, kind: 'night', startMinute: 1320, endMinute: 1440 + 420 };
    expect(shiftsOn([night], [], '2026-11-30')).toEqual([{ start: 1320, end: 1440 }]); // Monday
    expect(shiftsOn([night], [], '2026-12-01')).toEqual([
      { start: 0, end: 420 },
      { start: 1320, end: 1440 },
    ]); // Tuesday: Monday night's morning, then Tuesday night
    expect(shiftsOn([night], [], '2026-12-05')).toEqual([{ start: 0, end: 420 }]); // Saturday morning
    expect(shiftsOn([night], [], '2026-12-06')).toEqual([]); // Sunday
    // Away on Tuesday: Tuesday's night shift goes, Monday night's morning stays.
    expect(shiftsOn([night], [{ fromDate: '2026-12-01', toDate: '2026-12-01' }], '2026-12-01')).toEqual([
      { start: 0, end: 420 },
    ]);
    expect(shiftsOn([night], [{ fromDate: '2026-12-01', toDate: '2026-12-01' }], '2026-12-02')).toEqual([
      { start: 1320, end: 1440 },
    ]);
  });

  it('finds a night shift overlapping the next morning’s shift, also across Sunday night and cycles', () => {
    const night: RotaPattern = { ...base, kind: 'night', weekdays: [1], startMinute: 1320, endMinute: 1440 + 420 };
    // Monday night until 07:00 and a Tuesday day shift from 06:30: overlap; from 07:30: none.
    expect(entriesOverlap(night, { ...base, weekdays: [2], startMinute: 390 })).toBe(true);
    expect(entriesOverlap({ ...base, weekdays: [2], startMinute: 390 }, night)).toBe(true);
    expect(entriesOverlap(night, { ...base, weekdays: [2] })).toBe(false);
    expect(entriesOverlap(night, { ...base, weekdays: [3], startMinute: 390 })).toBe(false);
    // Sunday night runs into Monday of the next week: with a two-week cycle, week 0's Sunday
    // night meets week 1's Monday, not week 0's.
    const sunday: RotaPattern = { ...night, weekdays: [7], everyWeeks: 2, weekOffset: 0 };
    const monday: RotaPattern = { ...base, weekdays: [1], startMinute: 390, everyWeeks: 2 };
    expect(entriesOverlap(sunday, { ...monday, weekOffset: 1 })).toBe(true);
    expect(entriesOverlap(sunday, { ...monday, weekOffset: 0 })).toBe(false);
    expect(entriesOverlap({ ...monday, weekOffset: 1 }, sunday)).toBe(true);
    // A rota that ends on Monday does not meet a Tuesday shift that starts after it.
    expect(
      entriesOverlap(
        { ...night, validUntil: '2026-11-30' },
        { ...base, weekdays: [2], startMinute: 390, validFrom: '2026-12-02' },
      ),
    ).toBe(false);
    expect(
      entriesOverlap(
        { ...night, validUntil: '2026-11-30' },
        { ...base, weekdays: [2], startMinute: 390, validFrom: '2026-12-01' },
      ),
    ).toBe(true);
  });
});
