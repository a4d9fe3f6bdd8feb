import { describe, expect, it } from 'vitest';
import { generateDistrict } from '../generator.ts';
import { parseSolomon } from '../readers.ts';
import { solomonText } from '../test/fixtures.ts';
import { compile, eligible, resolveWeights, type Instance } from './instance.ts';
import { Search } from './search.ts';

/** Opens the protected insertion primitives to the test. */
class Probe extends Search {
  /** Takes visit v out of the plan, as a ruin would. */
  private takeOut(v: number): void {
    this.beginIteration();
    this.removeVisit(v);
    this.compactTouched();
  }
  cheapest(u: number, r: number) {
    return this.bestPos(u, r, false);
  }
  /** Takes visit v out and puts it back by insertVisit; returns the cost that added. */
  reinsert(v: number): number {
    this.takeOut(v);
    const before = this.cost();
    this.insertVisit(v, false);
    return this.cost() - before;
  }
  /** The cheapest insertion of visit v's unit over every eligible route (no skipping), with v out. */
  exhaustive(v: number): number {
    const u = this.I.vUnits[v][0];
    this.takeOut(v);
    let b = Infinity;
    for (const r of this.I.uRoutes[u])
      b = Math.min(b, this.I.weights.travel * this.cheapest(u, r) + this.contDelta(u, this.I.rStaff[r]));
    return b;
  }
  putBack(v: number): void {
    this.insertVisit(v, false);
  }
  /** Takes two-helper visit v out and runs the exhaustive pair insertion; returns the (route:position) pairs it considered and every feasible one. */
  fallbackPositions(v: number): { considered: string[]; feasible: string[] } {
    const [u] = this.I.vUnits[v];
    this.takeOut(v);
    const feasible: string[] = [];
    for (const r of this.I.uRoutes[u]) {
      for (let p = 0; p <= this.routes[r].length; p++)
        if (this.posDelta(u, r, p) < Infinity) feasible.push(`${r}:${p}`);
    }
    this.pairFallback(v, false);
    const list = (this as unknown as { pairList: number[] }).pairList;
    const considered: string[] = [];
    for (let i = 0; i < list.length; i += 5) considered.push(`${list[i + 1]}:${list[i + 2]}`);
    return { considered, feasible };
  }
  helpersOf(rec: number): number[] {
    return this.recHelpers[rec];
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

  it('trying the person’s own helpers first and skipping the rest loses no cheaper insertion', () => {
    const problem = generateDistrict({ people: 40, days: 3, seed: 7 });
    const inst = compile(problem, resolveWeights(problem));
    const probe = new Probe(inst, 3);
    probe.run({ seed: 3, iterations: 800, timeMs: Infinity, scheduleBy: 'iterations' });
    let tried = 0;
    for (let v = 0; v < inst.nVisits; v++) {
      if (inst.vUnits[v].length !== 1 || !probe.vAssigned[v]) continue;
      const best = probe.exhaustive(v);
      probe.putBack(v); // back in, as it was before
      if (best === Infinity) continue;
      expect(probe.reinsert(v)).toBeCloseTo(best, 6);
      tried++;
    }
    expect(tried).toBeGreaterThan(100);
  });

  it('the pair fallback looks at every feasible position of a two-helper visit (the window-bounded start skips none)', () => {
    const problem = generateDistrict({ people: 60, days: 3, seed: 1 });
    const inst = compile(problem, resolveWeights(problem));
    const probe = new Probe(inst, 5);
    probe.run({ seed: 5, iterations: 800, timeMs: Infinity, scheduleBy: 'iterations' });
    let tried = 0;
    let positions = 0;
    for (let v = 0; v < inst.nVisits; v++) {
      if (inst.vUnits[v].length !== 2 || !probe.vAssigned[v]) continue;
      const { considered, feasible } = probe.fallbackPositions(v);
      expect(considered.sort()).toEqual(feasible.sort());
      positions += feasible.length;
      tried++;
    }
    expect(tried).toBeGreaterThan(10);
    expect(positions).toBeGreaterThan(100);
  });

  it('keeps each person’s list of current helpers equal to the helper counts', () => {
    const problem = generateDistrict({ people: 40, days: 3, seed: 8 });
    const inst = compile(problem, resolveWeights(problem));
    const probe = new Probe(inst, 4);
    probe.run({ seed: 4, iterations: 800, timeMs: Infinity, scheduleBy: 'iterations' });
    for (let rec = 0; rec < inst.nRec; rec++) {
      const expected: number[] = [];
      for (let s = 0; s < inst.nStaff; s++) if (probe.cnt[rec * inst.nStaff + s] > 0) expected.push(s);
      expect(probe.helpersOf(rec)).toEqual(expected);
    }
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
