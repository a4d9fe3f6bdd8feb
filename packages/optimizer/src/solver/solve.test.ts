import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSolution } from '../checker.ts';
import { generateDistrict } from '../generator.ts';
import { parseProblemJson, readProblem, validateProblem } from '../readers.ts';
import { smallProblem } from '../test/arbitraries.ts';
import { exampleProblemText, solomonText } from '../test/fixtures.ts';
import { findUnassignable, solve } from './solve.ts';
import { solveParallel } from './parallel.ts';

describe('solve', () => {
  it('every plan on small random problems is feasible (property)', () => {
    fc.assert(
      fc.property(smallProblem, fc.integer({ min: 1, max: 1000 }), (problem, seed) => {
        const checked = validateProblem(JSON.parse(JSON.stringify(problem)));
        const res = solve(checked, { iterations: 60, seed });
        const check = checkSolution(checked, res.solution);
        if (!check.feasible) throw new Error(check.errors.join('\n'));
        // every visit nobody could ever do is reported with a reason, and left unassigned
        for (const id of Object.keys(res.solution.unassignable ?? {})) expect(res.solution.unassigned).toContain(id);
        expect(check.figures.unassigned).toBe(res.unassigned);
      }),
      { numRuns: 120, seed: 42 },
    );
  });

  it('solves the example feasibly, serving more than the reference plan', () => {
    const problem = parseProblemJson(exampleProblemText());
    const res = solve(problem, { iterations: 1500, seed: 3 });
    const check = checkSolution(problem, res.solution);
    expect(check.errors).toEqual([]);
    expect(check.figures.unassigned).toBeLessThanOrEqual(4);
    expect(res.solution.unassignable).toEqual({ v38: 'no helper with skills [therapy] has a shift on day 2' });
  });

  it('gives the same plan for the same seed', () => {
    const problem = generateDistrict({ people: 12, staff: 5, days: 3, seed: 7 });
    const a = solve(problem, { iterations: 400, seed: 5 });
    const b = solve(problem, { iterations: 400, seed: 5 });
    expect(a.solution.routes).toEqual(b.solution.routes);
    expect(a.solution.unassigned).toEqual(b.solution.unassigned);
    expect(checkSolution(problem, a.solution).feasible).toBe(true);
  });

  it('gives the same plan for the same seed with two worker threads', async () => {
    const problem = generateDistrict({ people: 8, staff: 4, days: 2, seed: 3 });
    const a = await solveParallel(problem, { iterations: 150, seed: 9, threads: 2 });
    const b = await solveParallel(problem, { iterations: 150, seed: 9, threads: 2 });
    expect(a.solution.routes).toEqual(b.solution.routes);
    expect(checkSolution(problem, a.solution).feasible).toBe(true);
  });

  it('serves synchronised two-helper visits when possible', () => {
    const problem = parseProblemJson(exampleProblemText());
    // free the morning: drop s1 and s3 morning visits on day 0 except the transfer
    problem.visits = problem.visits.filter((v) => v.day !== 0 || v.id === 'v14');
    const res = solve(problem, { iterations: 300, seed: 1 });
    const check = checkSolution(problem, res.solution);
    expect(check.feasible).toBe(true);
    const stops = res.solution.routes.flatMap((r) =>
      r.stops.filter((s) => s.visit === 'v14').map((s) => ({ staff: r.staff, start: s.start })),
    );
    expect(stops.length).toBe(2);
    expect(stops[0].staff).not.toBe(stops[1].staff);
    expect(stops[0].start).toBeCloseTo(stops[1].start, 6);
  });

  it('reports visits nobody could ever do, with reasons', () => {
    const problem = parseProblemJson(exampleProblemText());
    problem.visits.push({
      id: 'x1',
      recipient: 'r1',
      day: 0,
      earliest: 100,
      latest: 200,
      duration: 10,
      skills: [],
      staff: 1,
    });
    problem.visits.push({
      id: 'x2',
      recipient: 'r1',
      day: 1,
      earliest: 600,
      latest: 700,
      duration: 10,
      skills: [],
      staff: 1,
      pinned: 's2',
    });
    problem.visits.push({
      id: 'x3',
      recipient: 'r1',
      day: 1,
      earliest: 600,
      latest: 700,
      duration: 10,
      skills: ['nurse'],
      staff: 2,
    });
    const reasons = findUnassignable(problem);
    expect(reasons.x1).toMatch(/can reach it inside its window/);
    expect(reasons.x2).toMatch(/pinned helper "s2" has no shift on day 1/);
    expect(reasons.x3).toMatch(/needs 2 helpers at once, only 1/);
  });

  it('solves a Solomon instance within the fleet and capacity', () => {
    const problem = readProblem(solomonText('R101'), { format: 'solomon' });
    const res = solve(problem, { iterations: 3000, seed: 1 });
    const check = checkSolution(problem, res.solution);
    expect(check.errors).toEqual([]);
    expect(check.figures.unassigned).toBe(0);
    expect(check.figures.travel).toBeLessThan(1642.88 * 1.08);
    expect(res.solution.routes.every((r) => /^\d+$/.test(r.staff) && r.day === 0)).toBe(true);
  });

  it('continuity weight lowers distinct helpers per person', () => {
    const problem = generateDistrict({ people: 16, staff: 6, days: 7, seed: 2 });
    const travelOnly = checkSolution(
      problem,
      solve(problem, { iterations: 1500, seed: 1, continuityWeight: 0 }).solution,
    );
    const cont = checkSolution(problem, solve(problem, { iterations: 1500, seed: 1 }).solution);
    expect(cont.feasible && travelOnly.feasible).toBe(true);
    expect(cont.figures.distinctHelpers.mean).toBeLessThan(travelOnly.figures.distinctHelpers.mean);
  });
});
