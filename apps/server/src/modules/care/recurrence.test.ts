import { describe, expect, it } from 'vitest';
import { datesInRange, isoWeekday, measureFallsOn } from './recurrence.ts';

describe('measure recurrence', () => {
  it('knows ISO weekdays', () => {
    expect(isoWeekday('2026-11-23')).toBe(1); // Monday
    expect(isoWeekday('2026-11-29')).toBe(7); // Sunday
  });
  it('lists dates across a month end', () => {
    expect(datesInRange('2026-11-29', 3)).toEqual(['2026-11-29', '2026-11-30', '2026-12-01']);
  });
  it('falls on the agreed weekdays from the start date', () => {
    const m = { days: [1, 3], everyWeeks: 1, validFrom: '2026-11-25' };
    const hits = datesInRange('2026-11-23', 14).filter((d) => measureFallsOn(m, d));
    expect(hits).toEqual(['2026-11-25', '2026-11-30', '2026-12-02']);
  });
  it('skips the off weeks of an every-other-week measure', () => {
    const m = { days: [5], everyWeeks: 2, validFrom: '2026-11-23' };
    const hits = datesInRange('2026-11-23', 28).filter((d) => measureFallsOn(m, d));
    expect(hits).toEqual(['2026-11-27', '2026-12-11']);
  });
});
