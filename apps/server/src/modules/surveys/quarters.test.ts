import { describe, expect, it } from 'vitest';
import { closesOn, isClosed, quarterAt, shiftQuarter } from './quarters.ts';

describe('closed quarters', () => {
  it('files an instant under the quarter it falls in, in Norwegian time', () => {
    expect(quarterAt(new Date('2026-11-15T12:00:00Z'))).toBe('2026Q4');
    // 23:30 UTC on 31 December is already 1 January in Oslo.
    expect(quarterAt(new Date('2026-12-31T23:30:00Z'))).toBe('2027Q1');
    expect(quarterAt(new Date('2026-06-30T21:59:00Z'))).toBe('2026Q2');
    expect(quarterAt(new Date('2026-06-30T22:00:00Z'))).toBe('2026Q3');
  });

  it('counts a quarter closed only an hour after it ends', () => {
    expect(isClosed('2026Q4', new Date('2026-11-15T12:00:00Z'))).toBe(false);
    expect(isClosed('2026Q4', new Date('2026-12-31T23:30:00Z'))).toBe(false); // 00:30 in Oslo
    expect(isClosed('2026Q4', new Date('2027-01-01T00:00:01Z'))).toBe(true); // 01:00:01 in Oslo
    expect(isClosed('2027Q1', new Date('2027-01-01T12:00:00Z'))).toBe(false);
    expect(isClosed('2026Q3', new Date('2026-11-15T12:00:00Z'))).toBe(true);
  });

  it('steps over year ends and names the day results open', () => {
    expect(shiftQuarter('2026Q4', 1)).toBe('2027Q1');
    expect(shiftQuarter('2027Q1', -1)).toBe('2026Q4');
    expect(shiftQuarter('2026Q2', -6)).toBe('2024Q4');
    expect(closesOn('2026Q4')).toBe('2027-01-01');
    expect(closesOn('2026Q2')).toBe('2026-07-01');
  });
});
