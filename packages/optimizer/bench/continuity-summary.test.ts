import { describe, expect, it } from 'vitest';
import { summarise, type RunRow } from './continuity-summary.ts';

function row(
  seed: number,
  plan: RunRow['plan'],
  travel: number,
  pct: number,
  unassigned: number,
  median: number,
  p90: number,
  mean = 3,
): RunRow {
  return {
    people: 60,
    staff: 20,
    visits: 1274,
    seed,
    plan,
    unassigned,
    travel,
    travelVsTravelOnlyPct: pct,
    distinctHelpers: { mean, median, p90 },
    coc: 0.4,
    preferredShare: 0.3,
    seconds: 20,
    timeLimit: 20,
    feasible: true,
  };
}

describe('continuity bench summary', () => {
  it('pairs each continuity run with the travel-only run of its seed and counts the runs meeting each target', () => {
    const rows = [
      row(1, 'travel-only', 1000, 0, 6, 7, 12),
      row(1, 'continuity', 1100, 10, 6, 3, 5, 3.2),
      row(2, 'travel-only', 1000, 0, 5, 7, 12),
      row(2, 'continuity', 1200, 20, 7, 4, 6.1, 3.6),
      row(3, 'travel-only', 1000, 0, 4, 7, 12), // no continuity run for seed 3: not counted
    ];
    const s = summarise(60, rows);
    expect(s.runs).toBe(2);
    expect(s.travelPctMean).toBeCloseTo(15, 9);
    expect(s.travelWithin).toBe(1);
    expect(s.helpersMean).toBeCloseTo(3.4, 9);
    expect(s.medianWithin).toBe(1);
    expect(s.p90Mean).toBeCloseTo(5.55, 9);
    expect(s.p90Within).toBe(1);
    expect(s.unassignedMean).toBe(6.5);
    expect(s.unassignedTravelOnlyMean).toBe(5.5);
    // seed 1: 6 ≤ 6; seed 2: 7 > 5
    expect(s.unassignedWithin).toBe(1);
  });

  it('ignores rows of other sizes', () => {
    const other = { ...row(1, 'continuity', 1100, 10, 6, 3, 5), people: 120 };
    expect(summarise(60, [row(1, 'travel-only', 1000, 0, 6, 7, 12), other]).runs).toBe(0);
  });
});
