import { describe, expect, it } from 'vitest';
import { validOnDate } from './valid.ts';

describe('validOnDate', () => {
  const row = { validFrom: '2026-01-10', validUntil: '2026-01-20' };
  it('includes both ends and nothing outside', () => {
    expect(['2026-01-09', '2026-01-10', '2026-01-20', '2026-01-21'].map((d) => validOnDate(row, d))).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });
  it('treats no end as open', () => {
    expect(validOnDate({ validFrom: '2026-01-10', validUntil: null }, '2099-12-31')).toBe(true);
  });
});
