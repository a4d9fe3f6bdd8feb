import { describe, expect, it } from 'vitest';
import { DEFAULT_HIGH_RISK, isHighRisk, notGivenKind, prnAllowed, timesInWindow } from './medicines.rules.ts';

const prefixes = DEFAULT_HIGH_RISK.map((d) => d.atcPrefix);

describe('medicine rules', () => {
  it('finds high-risk drugs by ATC prefix or by the team’s flag', () => {
    expect(isHighRisk('A10AB05', false, prefixes)).toBe(true); // insulin aspart
    expect(isHighRisk('n02aa01', false, prefixes)).toBe(true); // morphine, lower case
    expect(isHighRisk('C07AB02', false, prefixes)).toBe(false); // metoprolol
    expect(isHighRisk(null, false, prefixes)).toBe(false);
    expect(isHighRisk(null, true, prefixes)).toBe(true);
    expect(isHighRisk('A10AB05', false, ['N02A'])).toBe(false); // a municipality's own list replaces the default
  });

  it('puts a dose at the visit whose window holds its time, both ends included', () => {
    expect(timesInWindow([1200, 480, 510, 540], 480, 510)).toEqual([480, 510]);
    expect(timesInWindow([479, 511], 480, 510)).toEqual([]);
  });

  it('allows an as-needed dose only within the maximum per 24 hours', () => {
    expect(prnAllowed(0, 1)).toBe(true);
    expect(prnAllowed(2, 3)).toBe(true);
    expect(prnAllowed(3, 3)).toBe(false);
  });

  it('names a refusal apart from other reasons', () => {
    expect(notGivenKind('refused')).toBe('refused');
    expect(notGivenKind('asleep')).toBe('not_given');
    expect(notGivenKind(null)).toBe('not_given');
  });
});
