import { osloInstant } from '@tillit/contracts';
import { describe, expect, it } from 'vitest';
import { previousShift, shiftAt, shiftWindow } from './handover.shifts.ts';

describe('handover shifts on Oslo time', () => {
  it('names the shift running at an instant, nights belonging to the evening they start', () => {
    expect(shiftAt(osloInstant('2026-03-10', 6 * 60 + 59))).toEqual({ date: '2026-03-09', shift: 'night' });
    expect(shiftAt(osloInstant('2026-03-10', 7 * 60))).toEqual({ date: '2026-03-10', shift: 'day' });
    expect(shiftAt(osloInstant('2026-03-10', 15 * 60))).toEqual({ date: '2026-03-10', shift: 'evening' });
    expect(shiftAt(osloInstant('2026-03-10', 22 * 60 + 30))).toEqual({ date: '2026-03-10', shift: 'night' });
  });

  it('gives the shift before, across midnight', () => {
    expect(previousShift({ date: '2026-03-10', shift: 'day' })).toEqual({ date: '2026-03-09', shift: 'night' });
    expect(previousShift({ date: '2026-03-10', shift: 'evening' })).toEqual({ date: '2026-03-10', shift: 'day' });
    expect(previousShift({ date: '2026-03-10', shift: 'night' })).toEqual({ date: '2026-03-10', shift: 'evening' });
  });

  it('keeps a night nine hours long except when the clocks change', () => {
    const hours = (w: { from: Date; to: Date }) => (w.to.getTime() - w.from.getTime()) / 3_600_000;
    expect(hours(shiftWindow({ date: '2026-03-10', shift: 'night' }))).toBe(9);
    // Summer time starts at 02:00 on 29 March 2026: that night is an hour shorter; on 25 October, longer.
    expect(hours(shiftWindow({ date: '2026-03-28', shift: 'night' }))).toBe(8);
    expect(hours(shiftWindow({ date: '2026-10-24', shift: 'night' }))).toBe(10);
    expect(shiftWindow({ date: '2026-03-10', shift: 'day' }).from.toISOString()).toBe('2026-03-10T06:00:00.000Z');
  });
});
