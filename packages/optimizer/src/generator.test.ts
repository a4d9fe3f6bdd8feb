import { describe, expect, it } from 'vitest';
import { generateDistrict } from './generator.ts';
import { validateProblem } from './readers.ts';

describe('generateDistrict', () => {
  it('makes a valid, deterministic multi-day district', () => {
    const a = generateDistrict({ people: 30, seed: 4 });
    const b = generateDistrict({ people: 30, seed: 4 });
    expect(a).toEqual(b);
    expect(() => validateProblem(JSON.parse(JSON.stringify(a)))).not.toThrow();
    expect(a.days).toBe(14);
    expect(a.staff.length).toBe(10);
    const kinds = new Set(a.visits.flatMap((v) => v.skills ?? []));
    expect(kinds.has('medication')).toBe(true);
    expect(a.visits.some((v) => v.staff === 2)).toBe(true);
    expect(a.recipients.every((r) => (r.preferred ?? []).length >= 1)).toBe(true);
    // day and evening shifts, and weekend rotation (not everyone works every weekend)
    const starts = new Set(a.staff.flatMap((s) => s.shifts.map((x) => x.start)));
    expect(starts.size).toBeGreaterThanOrEqual(2);
    const saturday = a.staff.filter((s) => s.shifts.some((x) => x.day === 5)).length;
    expect(saturday).toBeGreaterThan(0);
    expect(saturday).toBeLessThan(a.staff.length);
  });
});
