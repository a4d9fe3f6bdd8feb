import { describe, expect, it } from 'vitest';
import { generateDistrict } from '../generator.ts';
import { parseSolomon } from '../readers.ts';
import { solomonText } from '../test/fixtures.ts';
import { compile, eligible, resolveWeights, type Instance } from './instance.ts';
import { Search } from './search.ts';

/** Opens the protected insertion primitives to the test. */
class Probe extends Search {
  cheapest(u: number, r: number) {
    return this.bestPos(u, r, false);
  }
  /** Cheapest travel delta over every position, one at a time (no skipping). */
  brute(u: number, r: number) {
    let b = Infinity;
    for (let p = 0; p <= this.routes[r].length; p++) b = Math.min(b, this.posDelta(u, r, p));
    return b;
  }
}

/** A half-built plan: every unit is tried against routes that already hold stops. */
function check(inst: Instance) {
  const probe = new Probe(inst, 2);
  probe.run({ seed: 2, iterations: 500, timeMs: Infinity, scheduleBy: 'iterations' });
  let feasible = 0;
  for (let u = 0; u < inst.nUnits; u++) {
    for (const r of inst.uRoutes[u]) {
      if (probe.uRoute[u] === r || probe.routes[r].length === 0) continue;
      const b = probe.brute(u, r);
      expect(probe.cheapest(u, r)).toBeCloseTo(b, 9);
      if (b < Infinity) feasible++;
    }
  }
  return feasible;
}

describe('insertion', () => {
  it('bestPos finds the cheapest feasible position that a scan of every position finds (home care)', () => {
    const problem = generateDistrict({ people: 40, days: 2, seed: 5 });
    expect(check(compile(problem, resolveWeights(problem)))).toBeGreaterThan(100);
  });

  it('bestPos finds the cheapest feasible position that a scan of every position finds (Solomon, long routes)', () => {
    const problem = parseSolomon(solomonText('RC204'), 'RC204');
    expect(check(compile(problem, resolveWeights(problem)))).toBeGreaterThan(50);
  });

  it('eligible() agrees with the unit’s list of eligible routes', () => {
    const problem = generateDistrict({ people: 40, days: 3, seed: 4 });
    const inst = compile(problem, resolveWeights(problem));
    for (let u = 0; u < inst.nUnits; u++) {
      const list = Array.from(inst.uRoutes[u]);
      for (let r = 0; r < inst.nRoutes; r++) expect(eligible(inst, u, r)).toBe(list.includes(r));
    }
  });
});
