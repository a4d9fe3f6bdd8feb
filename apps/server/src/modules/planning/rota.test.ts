import { describe, expect, it } from 'vitest';
import { cycleWeek, entriesOverlap, entryFallsOn, findOverlap, shiftOn, weekIndex, type RotaPattern } from './rota.ts';

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

  it('gives one span per date, none when absent', () => {
    const evening: RotaPattern = { ...base, kind: 'evening', startMinute: 1020, endMinute: 1320 };
    expect(shiftOn([base, evening], [], '2026-11-30')).toEqual({ start: 450, end: 1320 });
    expect(shiftOn([base], [{ fromDate: '2026-11-30', toDate: '2026-11-30' }], '2026-11-30')).toBeNull();
    expect(shiftOn([base], [{ fromDate: '2026-11-23', toDate: '2026-11-29' }], '2026-11-30')).toEqual({
      start: 450,
      end: 900,
    });
  });
});
