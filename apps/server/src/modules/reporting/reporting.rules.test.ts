import { describe, expect, it } from 'vitest';
import { hoursAfterFor, registerTotals, sideOf } from './reporting.rules.ts';

describe('the reporting register rules', () => {
  it('puts members on the team side and leaders and administrators on the leadership side', () => {
    expect(sideOf('member')).toBe('team');
    expect(sideOf('leader')).toBe('leadership');
    expect(sideOf('admin')).toBe('leadership');
  });

  it('counts nothing left after remove or derive, everything after keep, the given hours after simplify', () => {
    expect(hoursAfterFor('remove', 12, undefined)).toEqual({ hours: 0 });
    expect(hoursAfterFor('derive', 12, 5)).toEqual({ hours: 0 });
    expect(hoursAfterFor('keep', 12, undefined)).toEqual({ hours: 12 });
    expect(hoursAfterFor('simplify', 12, 4)).toEqual({ hours: 4 });
  });

  it('asks a simplification for its hours, and fewer than today', () => {
    expect(hoursAfterFor('simplify', 12, undefined)).toMatchObject({ field: 'hoursAfter' });
    expect(hoursAfterFor('simplify', 12, 12)).toMatchObject({ field: 'hoursAfter' });
  });

  it('sums hours named, saved by decided items only, and left', () => {
    const totals = registerTotals([
      { status: 'decided', hoursNow: 10, hoursAfter: 0 },
      { status: 'decided', hoursNow: 6, hoursAfter: 2 },
      { status: 'decided', hoursNow: 3, hoursAfter: 3 },
      { status: 'proposed', hoursNow: 5, hoursAfter: 0 },
      { status: 'open', hoursNow: 2.5, hoursAfter: null },
    ]);
    expect(totals).toEqual({ hoursNamed: 26.5, hoursSaved: 14, hoursLeft: 12.5 });
  });
});
