import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  monthStart,
  osloDate,
  osloInstant,
  osloMinute,
  osloNow,
  quarterOf,
  quarterStart,
} from './time.ts';

describe('Oslo calendar', () => {
  it('gives the Oslo date, not the UTC one, at 00:30 in winter and in summer', () => {
    // 00:30 in Oslo is 23:30 UTC the day before in winter (UTC+1), 22:30 in summer (UTC+2).
    expect(osloNow(new Date('2026-01-14T23:30:00Z'))).toEqual({ today: '2026-01-15', nowMinute: 30 });
    expect(osloNow(new Date('2026-07-14T22:30:00Z'))).toEqual({ today: '2026-07-15', nowMinute: 30 });
    expect(osloDate(new Date('2026-07-14T21:59:00Z'))).toBe('2026-07-14');
    expect(osloMinute(new Date('2026-07-14T21:59:00Z'))).toBe(23 * 60 + 59);
  });

  it('turns an Oslo date and minute into the instant, across both daylight-saving nights', () => {
    // Last Sunday of March 2026: 02:00 CET becomes 03:00 CEST.
    expect(osloInstant('2026-03-29', 30).toISOString()).toBe('2026-03-28T23:30:00.000Z');
    expect(osloInstant('2026-03-29', 8 * 60).toISOString()).toBe('2026-03-29T06:00:00.000Z');
    // 02:30 does not exist that night: the clock shows 03:30 then.
    expect(osloInstant('2026-03-29', 150).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    // Last Sunday of October 2026: 03:00 CEST becomes 02:00 CET; 02:30 comes twice, the first is given.
    expect(osloInstant('2026-10-25', 150).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(osloInstant('2026-10-25', 8 * 60).toISOString()).toBe('2026-10-25T07:00:00.000Z');
    expect(osloInstant('2026-10-24', 8 * 60).toISOString()).toBe('2026-10-24T06:00:00.000Z');
    // Minutes past midnight roll over to the next day (a night shift's end).
    expect(osloInstant('2026-03-28', 1440 + 7 * 60).toISOString()).toBe('2026-03-29T05:00:00.000Z');
    for (const date of ['2026-03-28', '2026-03-29', '2026-03-30', '2026-10-24', '2026-10-25', '2026-10-26'])
      for (const minute of [0, 30, 59, 180, 479, 1439]) {
        const at = osloInstant(date, minute);
        expect(osloDate(at)).toBe(date);
        expect(osloMinute(at)).toBe(minute);
      }
  });

  it('does calendar arithmetic without a clock', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(quarterOf('2026-03-31')).toBe('2026Q1');
    expect(quarterOf('2026-04-01')).toBe('2026Q2');
    expect(quarterOf('2026-12-31')).toBe('2026Q4');
    expect(quarterStart('2026-11-15')).toBe('2026-10-01');
    expect(monthStart('2026-03-15')).toBe('2026-03-01');
    expect(monthStart('2026-03-15', -5)).toBe('2025-10-01');
    expect(monthStart('2026-12-15', 1)).toBe('2027-01-01');
  });

  it('the quarter turns at midnight in Oslo, not in UTC', () => {
    // 2026-03-31 23:30 UTC is already 1 April 01:30 in Oslo (summer time).
    expect(quarterOf(osloDate(new Date('2026-03-31T23:30:00Z')))).toBe('2026Q2');
    expect(quarterOf(new Date('2026-03-31T23:30:00Z').toISOString().slice(0, 10))).toBe('2026Q1');
  });
});
