import { describe, expect, it } from 'vitest';
import { checkSolution } from '../checker.ts';
import { generateDistrict } from '../generator.ts';
import {
  compile,
  DEFAULT_CONTINUITY,
  DEFAULT_CONTINUITY_LARGE,
  DEFAULT_CONTINUITY_XL,
  LARGE_DISTRICT,
  XL_DISTRICT,
  resolveWeights,
} from './instance.ts';
import { Search } from './search.ts';
import { solve } from './solve.ts';

/** Records the continuity weight every time the search prices the plan. */
class Probe extends Search {
  lambdas: number[] = [];
  override cost(): number {
    this.lambdas.push(this.contLambda);
    return super.cost();
  }
  /** The objective of a plan recounted from scratch at full weight. */
  recount(routes: number[][], winE: Float64Array, winL: Float64Array): number {
    this.curE.set(winE);
    this.curL.set(winL);
    for (let r = 0; r < this.I.nRoutes; r++) this.routes[r] = routes[r].slice();
    this.recomputeTotals();
    return this.cost();
  }
}

describe('continuity ramp (warm start from a travel-only plan)', () => {
  const problem = generateDistrict({ people: 30, days: 5, seed: 6 });
  const weights = resolveWeights(problem);
  const travelOnly = new Search(compile(problem, { ...weights, continuity: 0, preferredVisit: 0 }), 3).run({
    seed: 3,
    iterations: 1500,
    timeMs: Infinity,
    scheduleBy: 'iterations',
  });
  const start = { routes: travelOnly.routes, winE: travelOnly.winE, winL: travelOnly.winL };

  it('raises the continuity weight from 0 to full over the given share of the run, and reports the full-weight cost', () => {
    const inst = compile(problem, weights);
    const probe = new Probe(inst, 4);
    const res = probe.run({
      seed: 4,
      iterations: 2000,
      timeMs: Infinity,
      scheduleBy: 'iterations',
      start,
      contRamp: 0.5,
    });
    const l = probe.lambdas;
    expect(l[0]).toBe(0);
    for (let i = 1; i < l.length; i++) expect(l[i]).toBeGreaterThanOrEqual(l[i - 1]);
    expect(l.some((x) => x > 0.2 && x < 0.8)).toBe(true);
    expect(l[l.length - 1]).toBe(1);
    const fresh = new Probe(inst, 5);
    expect(res.cost).toBeCloseTo(fresh.recount(res.routes, res.winE, res.winL), 6);
  });

  it('without a ramp the full weight applies from the first iteration', () => {
    const probe = new Probe(compile(problem, weights), 4);
    probe.run({ seed: 4, iterations: 300, timeMs: Infinity, scheduleBy: 'iterations', start });
    expect(probe.lambdas.every((x) => x === 1)).toBe(true);
  });

  it('a ramped solve gives a feasible plan with fewer faces than the travel-only plan', () => {
    const ramped = solve(problem, { iterations: 3000, seed: 2, tuning: { warmStart: 0.3, contRamp: 0.5 } });
    const base = solve(problem, { iterations: 3000, seed: 2, continuityWeight: 0 });
    const a = checkSolution(problem, ramped.solution);
    const b = checkSolution(problem, base.solution);
    expect(a.feasible).toBe(true);
    expect(a.figures.distinctHelpers.mean).toBeLessThan(b.figures.distinctHelpers.mean);
  });
});

describe('default continuity weight by district size', () => {
  const small = generateDistrict({ people: 30, days: 5, seed: 6 });
  const sized = (n: number) => ({
    ...small,
    visits: Array.from({ length: n }, (_, i) => ({ ...small.visits[i % small.visits.length], id: `x${i}` })),
  });
  const large = sized(LARGE_DISTRICT + 1);
  it('is 4 on a district of a team or two, 5 above the large-district size, 3 above the largest, unless given', () => {
    expect(resolveWeights(small).continuity).toBe(DEFAULT_CONTINUITY);
    expect(resolveWeights(large).continuity).toBe(DEFAULT_CONTINUITY_LARGE);
    expect(resolveWeights(sized(XL_DISTRICT)).continuity).toBe(DEFAULT_CONTINUITY_LARGE);
    expect(resolveWeights(sized(XL_DISTRICT + 1)).continuity).toBe(DEFAULT_CONTINUITY_XL);
    expect([DEFAULT_CONTINUITY, DEFAULT_CONTINUITY_LARGE, DEFAULT_CONTINUITY_XL]).toEqual([4, 5, 3]);
    expect(resolveWeights(large, {}, 3).continuity).toBe(3);
    expect(resolveWeights(large, { continuity: 0 }).continuity).toBe(0);
    expect(resolveWeights(large).preferredVisit).toBeCloseTo(5 / 60, 12);
  });
});
