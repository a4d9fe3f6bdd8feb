import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSolution } from '../checker.ts';
import type { Problem } from '../model.ts';
import { readProblem, validateProblem } from '../readers.ts';
import { dependentProblem } from '../test/arbitraries.ts';
import { hhcrspText } from '../test/fixtures.ts';
import { solve } from './solve.ts';

const served = (sol: ReturnType<typeof solve>['solution']) => {
  const m = new Map<string, { staff: string; start: number; day: number }[]>();
  for (const r of sol.routes)
    for (const s of r.stops)
      m.set(s.visit, [...(m.get(s.visit) ?? []), { staff: r.staff, start: s.start, day: r.day }]);
  return m;
};

describe('interdependent visits and soft late windows', () => {
  it('every plan keeps every gap, distinct helpers and hard windows (property)', () => {
    let bothServed = 0;
    let late = 0;
    fc.assert(
      fc.property(dependentProblem, fc.integer({ min: 1, max: 1000 }), (problem, seed) => {
        const checked = validateProblem(JSON.parse(JSON.stringify(problem)));
        const res = solve(checked, { iterations: 80, seed });
        const check = checkSolution(checked, res.solution);
        if (!check.feasible) throw new Error(check.errors.join('\n'));
        expect(check.figures.unassigned).toBe(res.unassigned);
        // the checker's rules, recomputed here from the plan for the pairs that were served
        const m = served(res.solution);
        for (const d of checked.dependencies ?? []) {
          const a = m.get(d.first);
          const b = m.get(d.second);
          if (!a || !b) continue;
          bothServed++;
          const gap = b[0].day * 1440 + b[0].start - (a[0].day * 1440 + a[0].start);
          expect(gap).toBeGreaterThanOrEqual(d.minGap - 0.01);
          expect(gap).toBeLessThanOrEqual(d.maxGap + 0.01);
          if (d.distinctStaff) for (const x of a) for (const y of b) expect(x.staff).not.toBe(y.staff);
        }
        if (check.figures.tardiness.total > 0) late++;
      }),
      { numRuns: 150, seed: 7 },
    );
    // the property is not vacuous: many dependent pairs were served, some visits late
    expect(bothServed).toBeGreaterThan(50);
    expect(late).toBeGreaterThan(5);
  });

  it('a late start is priced: with tardiness dear the plan is on time where it can be', () => {
    // one helper, two people whose windows overlap: one of them is served late, not dropped
    const p: Problem = {
      format: 'tillit-homecare/1',
      name: 'late',
      days: 1,
      travel: {
        model: 'matrix',
        minutes: [
          [0, 5, 5],
          [5, 0, 5],
          [5, 5, 0],
        ],
      },
      locations: [{ id: 'b' }, { id: 'a1' }, { id: 'a2' }],
      staff: [{ id: 's1', skills: [], start: 'b', end: 'b', shifts: [{ day: 0, start: 480, end: 900 }] }],
      recipients: [
        { id: 'r1', location: 'a1' },
        { id: 'r2', location: 'a2' },
      ],
      visits: [
        { id: 'v1', recipient: 'r1', day: 0, earliest: 490, latest: 500, duration: 60, maxLate: 120 },
        { id: 'v2', recipient: 'r2', day: 0, earliest: 490, latest: 500, duration: 60, maxLate: 120 },
      ],
    };
    const res = solve(validateProblem(p), { iterations: 200, seed: 1, continuityWeight: 0 });
    const check = checkSolution(p, res.solution);
    expect(check.feasible).toBe(true);
    expect(check.figures.unassigned).toBe(0);
    // the second visit starts after the first (60 min) and the 5-min drive: 65 − 10 min late
    expect(check.figures.tardiness.total).toBeCloseTo(55, 6);
    expect(check.figures.tardiness.max).toBeCloseTo(55, 6);
  });

  it('plans Mankowska instance 10_1 feasibly at or below the published reference, and the same seed gives the same plan', () => {
    const problem = readProblem(hhcrspText('10_1'), { format: 'mankowska' });
    const a = solve(problem, { iterations: 4000, seed: 3 });
    const b = solve(problem, { iterations: 4000, seed: 3 });
    expect(a.solution.routes).toEqual(b.solution.routes);
    const check = checkSolution(problem, a.solution);
    expect(check.errors).toEqual([]);
    expect(check.figures.unassigned).toBe(0);
    expect(check.figures.objective!).toBeLessThanOrEqual(227.0);
  });
});
