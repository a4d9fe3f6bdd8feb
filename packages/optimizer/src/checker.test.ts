import { describe, expect, it } from 'vitest';
import { checkSolution } from './checker.ts';
import { parseProblemJson, parseSolutionJson } from './readers.ts';
import { exampleProblemText, exampleSolutionText } from './test/fixtures.ts';

describe('checkSolution', () => {
  const problem = parseProblemJson(exampleProblemText());
  const solution = parseSolutionJson(exampleSolutionText());

  it('reproduces the figures stated for the example pair', () => {
    const res = checkSolution(problem, solution);
    expect(res.errors).toEqual([]);
    expect(res.feasible).toBe(true);
    const f = res.figures;
    expect(f.unassigned).toBe(4);
    expect(f.travel).toBeCloseTo(61.67, 2);
    expect(f.distinctHelpers.mean).toBeCloseTo(2.167, 3);
    expect(f.distinctHelpers.median).toBe(2);
    expect(f.distinctHelpers.p90).toBe(3);
    expect(f.cocMean).toBeCloseTo(0.4777, 4);
    expect(f.preferredShare).toBeCloseTo(0.4762, 4);
  });

  it('finds broken rules and names them', () => {
    const bad = structuredClone(solution);
    bad.routes[0].stops[0].start = 100; // before the shift even starts, outside window
    bad.routes[1].staff = 's2'; // s2 has no shift
    bad.unassigned = bad.unassigned.slice(1); // v14 neither served nor unassigned
    bad.routes[2].stops.push({ visit: 'v3', start: 1000 }); // v3 twice, and out of window
    const res = checkSolution(problem, bad);
    expect(res.feasible).toBe(false);
    const text = res.errors.join('\n');
    expect(text).toMatch(/v30.*outside its window/);
    expect(text).toMatch(/no shift that day/);
    expect(text).toMatch(/"v14": neither served nor unassigned/);
    expect(text).toMatch(/v3/);
  });

  it('requires a two-helper visit to start together with two different helpers', () => {
    const p = structuredClone(problem);
    const sol = structuredClone(solution);
    // serve v14 (r3, staff 2, day 0, 450..510) by s1 only
    sol.unassigned = sol.unassigned.filter((v) => v !== 'v14');
    sol.routes[0].stops.unshift({ visit: 'v14', start: 460 });
    const res = checkSolution(p, sol);
    expect(res.errors.join('\n')).toMatch(/"v14": served by 1 helpers, needs 2/);
  });

  it('checks skills and pins', () => {
    const p = structuredClone(problem);
    p.visits.find((v) => v.id === 'v30')!.pinned = 's3';
    p.visits.find((v) => v.id === 'v17')!.skills = ['wound'];
    const res = checkSolution(p, solution);
    expect(res.errors.join('\n')).toMatch(/v30.*pinned to "s3"/);
    expect(res.errors.join('\n')).toMatch(/v17.*lacks skill "wound"/);
  });
});
