import { describe, expect, it } from 'vitest';
import { checkSolution } from '../checker.ts';
import { generateDistrict } from '../generator.ts';
import { compile, resolveWeights } from './instance.ts';
import { Search } from './search.ts';
import { solve } from './solve.ts';

const district = () =>
  generateDistrict({ people: 36, staff: 12, days: 3, seed: 8, teams: false, preferred: false, mix: 'heavy' });

/** Reinserts one-helper visits and counts those that went to a route granular insertion would not look at. */
class Probe extends Search {
  outsideNeighbourhood(k: number, granular: number): number {
    const I = this.I;
    this.granularK = granular;
    let count = 0;
    for (let v = 0; v < I.nVisits; v++) {
      const u = I.vUnits[v][0];
      if (I.vUnits[v].length > 1 || I.vLinked[v] || this.uRoute[u] < 0) continue;
      this.beginIteration();
      this.removeVisit(v);
      this.compactTouched();
      const rec = I.uRec[u];
      const own = new Set(this.recHelpers[rec]);
      const set = new Set(I.recSet[rec]);
      const near = new Set<number>();
      const nb = I.uNeighbors[u];
      for (let q = 1; q < Math.min(nb.length, k + 1); q++) if (this.uRoute[nb[q]] >= 0) near.add(this.uRoute[nb[q]]);
      const sizes = this.routes.map((r) => r.length);
      if (!this.insertVisit(v, false)) continue;
      const r = this.uRoute[u];
      const s = I.rStaff[r];
      if (!own.has(s) && !set.has(s) && sizes[r] > 0 && !near.has(r)) count++;
    }
    return count;
  }
}

describe('granular insertion (tuning.granular)', () => {
  it('offers a visit to a new helper only where the route holds one of its k nearest visits', () => {
    const problem = district();
    const make = () => {
      const inst = compile(problem, resolveWeights(problem));
      const probe = new Probe(inst, 3);
      probe.run({ seed: 3, iterations: 300, timeMs: Infinity, scheduleBy: 'iterations' });
      return probe;
    };
    // without the filter some visits go elsewhere (so the check below can fail)
    expect(make().outsideNeighbourhood(3, 0)).toBeGreaterThan(0);
    expect(make().outsideNeighbourhood(3, 3)).toBe(0);
  });

  it('still gives a plan the checker accepts', () => {
    const problem = district();
    const { solution } = solve(problem, { iterations: 400, seed: 1, tuning: { granular: 8 } });
    expect(checkSolution(problem, solution).errors).toEqual([]);
  });
});
