import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSolution } from '../checker.ts';
import { generateDistrict } from '../generator.ts';
import { readProblem, validateProblem } from '../readers.ts';
import { smallProblem } from '../test/arbitraries.ts';
import { solomonText } from '../test/fixtures.ts';
import { compile, resolveWeights } from './instance.ts';
import { solveParallel } from './parallel.ts';
import { Search } from './search.ts';
import { solve } from './solve.ts';

/** Opens the counters to the test. */
class Probe extends Search {
  counters() {
    return { travel: this.travel, cont: this.cont, bal: this.bal, cost: this.cost() };
  }
}

describe('inter-route local search (relocate, exchange, 2-opt*, SWAP*)', () => {
  it('every plan stays feasible on small random problems (property)', () => {
    fc.assert(
      fc.property(
        smallProblem,
        fc.integer({ min: 1, max: 1000 }),
        fc.constantFrom('accept' as const, 'best' as const),
        (problem, seed, mode) => {
          const checked = validateProblem(JSON.parse(JSON.stringify(problem)));
          const res = solve(checked, { iterations: 60, seed, localSearch: mode, tuning: { lsGap: 1 } });
          const check = checkSolution(checked, res.solution);
          if (!check.feasible) throw new Error(check.errors.join('\n'));
          expect(check.figures.unassigned).toBe(res.unassigned);
        },
      ),
      { numRuns: 120, seed: 7 },
    );
  });

  it('only lowers the cost, and every incremental counter equals a recount afterwards', () => {
    for (const [problem, iterations] of [
      [generateDistrict({ people: 30, days: 3, seed: 5 }), 1],
      [readProblem(solomonText('RC103'), { filename: 'RC103.txt' }), 300],
    ] as const) {
      const inst = compile(problem, resolveWeights(problem));
      const s = new Probe(inst, 3);
      s.run({ seed: 3, iterations, timeMs: Infinity, scheduleBy: 'iterations' });
      const before = s.counters().cost;
      const improved = s.improveRoutes(null);
      const after = s.counters();
      expect(after.cost).toBeLessThanOrEqual(before + 1e-9);
      if (improved) expect(after.cost).toBeLessThan(before);
      expect(s.lsMoves).toBeGreaterThan(0);
      s.recomputeTotals();
      const recount = s.counters();
      expect(after.travel).toBeCloseTo(recount.travel, 6);
      expect(after.cont).toBeCloseTo(recount.cont, 6);
      expect(after.bal).toBeCloseTo(recount.bal, 6);
    }
  });

  it('Solomon plans with the local search are feasible within the fleet', () => {
    const problem = readProblem(solomonText('R101'), { filename: 'R101.txt' });
    const res = solve(problem, { iterations: 400, seed: 2, localSearch: 'accept' });
    const check = checkSolution(problem, res.solution);
    expect(check.errors).toEqual([]);
    expect(res.solution.solver?.ls).toBeDefined();
  });

  it('gives the same plan for the same seed (one thread and two worker threads)', async () => {
    const problem = generateDistrict({ people: 14, staff: 5, days: 3, seed: 7 });
    for (const localSearch of ['best', 'accept'] as const) {
      const a = solve(problem, { iterations: 300, seed: 5, localSearch, tuning: { lsGap: 10 } });
      const b = solve(problem, { iterations: 300, seed: 5, localSearch, tuning: { lsGap: 10 } });
      expect(a.solution.routes).toEqual(b.solution.routes);
      expect(a.solution.unassigned).toEqual(b.solution.unassigned);
    }
    const p = await solveParallel(problem, { iterations: 150, seed: 9, threads: 2, localSearch: 'accept' });
    const q = await solveParallel(problem, { iterations: 150, seed: 9, threads: 2, localSearch: 'accept' });
    expect(p.solution.routes).toEqual(q.solution.routes);
    expect(checkSolution(problem, p.solution).feasible).toBe(true);
  });
});
